package dev.yolocam.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A second JVM on the test classpath, for what only a real process shows: signals, exit codes, shutdown hooks. */
public final class ChildJvm {
    private final Process process;

    private ChildJvm(Process process) {
        this.process = process;
    }

    /** Starts {@code mainClass} with {@code args}; its stderr goes to {@code stderr}. */
    public static ChildJvm start(Path stderr, Class<?> mainClass, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g", "-cp", classpath,
                mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_NUM_THREADS", "1");
        return new ChildJvm(builder.start());
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    public void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -INT " + process.pid() + " failed");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; the process is killed if it has not ended within {@code seconds}. */
    public int exitCode(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** Ends the process if it still runs (cleanup after a failed test). */
    public void kill() {
        process.destroyForcibly();
    }
}
