package dev.yolocam.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The operating system's reason for a failed file operation, worded for a one-line error. Java's own messages are
 * often just the path ({@code AccessDeniedException: /x}), which says nothing about what went wrong.
 */
public final class OsReason {
    private OsReason() {
    }

    /** The reason, prefixed by the path it concerns when that is not {@code subject} (a parent folder, say). */
    public static String of(IOException e, Path subject) {
        String reason = reason(e);
        if (e instanceof FileSystemException fse && fse.getFile() != null
                && !Path.of(fse.getFile()).toAbsolutePath().normalize().equals(subject.toAbsolutePath().normalize())) {
            return fse.getFile() + ": " + reason;
        }
        return reason;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return lowerFirst(fse.getReason());
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
