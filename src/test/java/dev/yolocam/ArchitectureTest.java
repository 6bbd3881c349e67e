package dev.yolocam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arrows point one way: converter (torch, graph, model) -> detect -> cam -> render -> cli. The converter is a
 * module of its own, so it cannot see the application at all; inside the application this test reads every
 * source file's imports and fails on an import against the flow.
 */
class ArchitectureTest {
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "detect", Set.of("cam", "render", "cli", "bench"),
            "cam", Set.of("render", "cli", "bench"),
            "render", Set.of("cli", "bench"),
            "io", Set.of("detect", "cam", "render", "cli", "bench"),
            "bench", Set.of("cli", "render"));

    @Test
    void noPackageImportsAgainstTheFlow() throws IOException {
        Path root = Path.of(System.getProperty("yolocam.testdata", "../testdata")).getParent()
                .resolve("src/main/java/dev/yolocam");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file).getName(0).toString();
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import dev.yolocam.")) {
                        String target = line.substring("import dev.yolocam.".length()).split("\\.")[0];
                        if (FORBIDDEN.getOrDefault(pkg, Set.of()).contains(target)) {
                            violations.add(root.relativize(file) + ": " + line.trim());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
