package dev.yolocam.cli;

import dev.yolocam.errors.YolocamException;

/** A bad option value found after parsing (exit code 2, like picocli's own usage errors). */
public final class UsageException extends YolocamException {
    public UsageException(String problem) {
        super(null, problem);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
