package dev.yolocam.errors;

/**
 * A bad value the user typed (an option, a layer name, an architecture), found after the command line was parsed:
 * exit code 2, like picocli's own usage errors.
 */
public final class UsageException extends YolocamException {
    public UsageException(String problem) {
        super(null, problem);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
