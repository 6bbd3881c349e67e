package dev.yolocam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arrows point one way: converter (torch -> graph -> model) -> detect -> cam -> metrics -> render -> audit -> cli (metrics
 * are a stage after cam: cam never imports them). This test reads
 * every source file's imports, in both modules, and fails on an import against the flow. The converter is a module
 * of its own, so the build already keeps it from seeing the application; the test says so too, so that moving a
 * package across modules cannot quietly turn the arrow around (graph -> cam would make the model's graph depend on
 * one way of explaining it).
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of(System.getProperty("yolocam.testdata", "../testdata")).getParent();
    private static final Path APPLICATION = ROOT.resolve("src/main/java/dev/yolocam");
    private static final Path CONVERTER = ROOT.resolve("weights-converter/src/main/java/dev/yolocam");
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "detect", Set.of("cam", "metrics", "render", "audit", "cli", "bench"),
            "cam", Set.of("metrics", "render", "audit", "cli", "bench"),
            "metrics", Set.of("render", "audit", "cli", "bench"),
            "render", Set.of("audit", "cli", "bench"),
            "audit", Set.of("cli", "bench"),
            "io", Set.of("detect", "cam", "metrics", "render", "audit", "cli", "bench"),
            "bench", Set.of("cli", "render"),
            "torch", Set.of("graph", "model"),
            "graph", Set.of("model"));

    @Test
    void noPackageImportsAgainstTheFlow() throws IOException {
        List<String> violations = new ArrayList<>();
        violations.addAll(violations(APPLICATION, Set.of()));
        violations.addAll(violations(CONVERTER, packages(APPLICATION)));
        assertEquals(List.of(), violations);
    }

    @Test
    void theConverterIsCheckedAgainstEveryApplicationPackage() throws IOException {
        assertTrue(packages(CONVERTER).containsAll(Set.of("torch", "graph", "model")), CONVERTER.toString());
        assertTrue(packages(APPLICATION).containsAll(Set.of("detect", "cam", "metrics", "render", "cli")),
                APPLICATION.toString());
    }

    /** Imports in the files under {@code root} that {@link #FORBIDDEN} or {@code alsoForbidden} rule out. */
    private static List<String> violations(Path root, Set<String> alsoForbidden) throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file).getName(0).toString();
                Set<String> forbidden = new HashSet<>(FORBIDDEN.getOrDefault(pkg, Set.of()));
                forbidden.addAll(alsoForbidden);
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import dev.yolocam.")) {
                        String target = line.substring("import dev.yolocam.".length()).split("\\.")[0];
                        if (forbidden.contains(target)) {
                            violations.add(ROOT.relativize(file) + ": " + line.trim());
                        }
                    }
                }
            }
        }
        return violations;
    }

    private static Set<String> packages(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return new HashSet<>(entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList());
        }
    }
}
