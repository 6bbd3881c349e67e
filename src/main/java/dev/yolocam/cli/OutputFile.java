package dev.yolocam.cli;

import dev.yolocam.errors.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file option a command writes (convert --output, bench --json), checked before any work is done. */
final class OutputFile {
    private OutputFile() {
    }

    /** {@code file} must name a file: not empty, not an existing folder (a move into place would replace it). */
    static Path require(String option, Path file) {
        if (file.toString().isBlank()) {
            throw new UsageException(option + " needs a file name");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + ": is a folder; give a file name inside it");
        }
        return file;
    }
}
