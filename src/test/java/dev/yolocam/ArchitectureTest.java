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
 * Arrows point one way: converter (torch, graph, model) -> detect -> cam -> metrics -> render -> cli. The converter
 * is a module of its own, so it cannot compile against the application at all; this test reads every source file's
 * imports, in both modules, and fails on an import against the flow (metrics are a stage after cam: cam never
 * imports them).
 */
class ArchitectureTest {
    private static final Set<String> APPLICATION = Set.of("detect", "cam", "metrics", "render", "cli", "bench", "io");
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "graph", APPLICATION,
            "model", APPLICATION,
            "torch", APPLICATION,
            "detect", Set.of("cam", "metrics", "render", "cli", "bench"),
            "cam", Set.of("metrics", "render", "cli", "bench"),
            "metrics", Set.of("render", "cli", "bench"),
            "render", Set.of("cli", "bench"),
            "io", Set.of("detect", "cam", "metrics", "render", "cli", "bench"),
            "bench", Set.of("cli", "render"));

    @Test
    void noPackageImportsAgainstTheFlow() throws IOException {
        Path project = Path.of(System.getProperty("yolocam.testdata", "../testdata")).getParent();
        List<String> violations = new ArrayList<>();
        for (String module : List.of("src", "weights-converter/src")) {
            violations.addAll(violations(project.resolve(module).resolve("main/java/dev/yolocam")));
        }
        assertEquals(List.of(), violations);
    }

    private static List<String> violations(Path root) throws IOException {
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
        return violations;
    }
}
