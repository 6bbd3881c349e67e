package dev.yolocam.errors;

import java.nio.file.Path;

/**
 * Every failure a user can cause (a bad file, a bad option, an unsupported model) is one of these: it names the
 * file and says what is wrong in one line, {@code yolocam: <file>: <problem>}. Anything else that escapes is a bug.
 */
public class YolocamException extends RuntimeException {
    private final Path file;
    private final String problem;

    public YolocamException(Path file, String problem) {
        this(file, problem, null);
    }

    public YolocamException(Path file, String problem, Throwable cause) {
        this(format(file, problem), file, problem, cause);
    }

    private YolocamException(String message, Path file, String problem, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.problem = problem;
    }

    /**
     * A problem about something that is not a local file, such as a URL, named exactly as given (a URL made into
     * a {@link Path} would lose the second slash of {@code https://}).
     */
    public static YolocamException about(String subject, String problem, Throwable cause) {
        return new YolocamException("yolocam: " + subject + ": " + problem, null, problem, cause);
    }

    /** The file the problem is about, or null when it is about no file (a bad option value). */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }

    /** The CLI's exit code for this kind of failure: 1 for runtime failures, 2 for usage errors. */
    public int exitCode() {
        return 1;
    }

    private static String format(Path file, String problem) {
        return file == null ? "yolocam: " + problem : "yolocam: " + file + ": " + problem;
    }
}
