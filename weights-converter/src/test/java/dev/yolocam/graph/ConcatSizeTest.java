package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.testing.Oracle;
import dev.yolocam.torch.CheckpointReader;
import dev.yolocam.torch.ModuleNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Concat whose inputs do not fit together (a damaged checkpoint's {@code f}) fails the load in words. */
class ConcatSizeTest {
    @Test
    void aConcatOfMapsOfDifferentSizesIsAnUnsupportedModelNamingTheConcat() {
        Path file = Oracle.testdata().resolve("fixtures/leaky.pt");
        ModuleNode root = CheckpointReader.read(file).model().orElseThrow();
        ModuleNode concat = root.find("model").orElseThrow().childList().stream()
                .filter(n -> n.simpleClass().equals("Concat")).findFirst().orElseThrow();
        // Its second input replaced by the network input's first block (stride 2): a different size.
        ModuleNode damaged = withAttribute(root, concat.path(), "f", List.of(-1L, 0L));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> GraphBuilder.build(ModelDescription.of(damaged, file), GraphSpec.forward(64, 64)));
        assertTrue(e.getMessage().contains(concat.path() + " (Concat): joins feature maps of different sizes"),
                e.getMessage());
    }

    private static ModuleNode withAttribute(ModuleNode node, String path, String key, Object value) {
        Map<String, Object> attributes = new LinkedHashMap<>(node.attributes());
        if (node.path().equals(path)) {
            attributes.put(key, value);
        }
        Map<String, ModuleNode> children = new LinkedHashMap<>();
        node.children().forEach((name, child) -> children.put(name, withAttribute(child, path, key, value)));
        return new ModuleNode(node.path(), node.pythonClass(), node.instanceId(), attributes, node.parameters(),
                node.buffers(), children);
    }
}
