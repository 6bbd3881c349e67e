package dev.yolocam.torch;

import static dev.yolocam.torch.CheckpointZipBuilder.float32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the unpickled object to a {@link Checkpoint}: which entry is the model, the module tree's paths, classes,
 * tensors, attributes and shared instances, state_dict-only checkpoints, metadata, and what is not a model of a registered family.
 */
class ModuleTreeExtractorTest {
    @TempDir
    Path dir;

    private static final int SILU_MEMO = 200;

    private static void conv(PickleBuilder p, String name, boolean firstUseOfSharedSilu) {
        p.str(name).beginObject("models.common", "Conv").str("training").bool(false)
                .str("_parameters").beginOrderedDict().endDict()
                .str("_modules").beginOrderedDict();
        p.str("conv").beginObject("torch.nn.modules.conv", "Conv2d")
                .str("_parameters").beginOrderedDict()
                .str("weight").tensor("FloatStorage", "w", 4, 0, new long[] {4, 1, 1, 1}, new long[] {1, 1, 1, 1})
                .str("bias").none().endDict()
                .str("_buffers").beginOrderedDict().endDict()
                .str("in_channels").integer(1).str("kernel_size").intTuple(1, 1).str("padding_mode").str("zeros")
                .endObject();
        p.str("act");
        if (firstUseOfSharedSilu) {
            p.beginObject("torch.nn.modules.activation", "SiLU").str("inplace").bool(true).endObject()
                    .binput(SILU_MEMO);
        } else {
            p.binget(SILU_MEMO);
        }
        p.endDict().str("f").integer(-1).str("type").str("models.common.Conv").endObject();
    }

    /** A checkpoint dict whose 'ema' is a tiny DetectionModel: model.0/model.1 Convs sharing one SiLU. */
    private Path yoloCheckpoint() {
        PickleBuilder p = PickleBuilder.protocol(2).beginDict()
                .str("epoch").integer(5)
                .str("model").none()
                .str("ema").beginObject("models.yolo", "DetectionModel")
                .str("training").bool(false)
                .str("_modules").beginOrderedDict()
                .str("model").beginObject("torch.nn.modules.container", "Sequential")
                .str("_modules").beginOrderedDict();
        conv(p, "0", true);
        conv(p, "1", false);
        p.endDict().endObject().endDict()
                .str("yaml").beginDict().str("nc").integer(2).endDict()
                .str("names").op(PickleBuilder.EMPTY_LIST).op(PickleBuilder.MARK).str("a").str("b")
                .op(PickleBuilder.APPENDS)
                .str("_forward_hooks").beginOrderedDict().endDict()
                .endObject()
                .str("opt").beginDict().str("imgsz").integer(640).endDict()
                .str("date").str("today")
                .endDict();
        return CheckpointZipBuilder.archive().pickle(p.stop())
                .storage("w", float32(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4)).writeTo(dir.resolve("yolo.pt"));
    }

    @Test
    void emaIsTheModelAndItsTreeHasPathsClassesTensorsAndAttributes() {
        Checkpoint checkpoint = CheckpointReader.read(yoloCheckpoint());
        ModuleNode root = checkpoint.model().orElseThrow();
        assertEquals("", root.path());
        assertEquals("models.yolo.DetectionModel", root.pythonClass());
        assertEquals(List.of("model"), List.copyOf(root.children().keySet()));
        assertEquals(List.of("", "model", "model.0", "model.0.conv", "model.0.act", "model.1", "model.1.conv",
                "model.1.act"), root.preOrder().stream().map(ModuleNode::path).toList());

        ModuleNode conv = root.find("model.0.conv").orElseThrow();
        assertEquals("torch.nn.modules.conv.Conv2d", conv.pythonClass());
        assertEquals(List.of("weight"), List.copyOf(conv.parameters().keySet()), "a None bias is no parameter");
        assertEquals(List.of(1L, 1L), conv.attributes().get("kernel_size"));
        assertEquals(Map.of("in_channels", 1L, "kernel_size", List.of(1L, 1L), "padding_mode", "zeros"),
                conv.attributes());
        assertEquals(Map.of("f", -1L, "type", "models.common.Conv"), root.find("model.0").orElseThrow().attributes());
        assertEquals(Map.of("nc", 2L), root.attributes().get("yaml"));
        assertEquals(List.of("a", "b"), root.attributes().get("names"));
        assertFalse(root.hasAttribute("training"));
        assertFalse(root.hasAttribute("_forward_hooks"));

        int silu0 = root.find("model.0.act").orElseThrow().instanceId();
        assertEquals(silu0, root.find("model.1.act").orElseThrow().instanceId(), "one SiLU object, one id");
        assertNotEquals(root.find("model.0").orElseThrow().instanceId(),
                root.find("model.1").orElseThrow().instanceId());
        assertEquals(Map.of("inplace", true), root.find("model.1.act").orElseThrow().attributes());

        assertEquals(List.of("epoch", "opt", "date"), List.copyOf(checkpoint.metadata().keySet()));
        assertEquals(5L, checkpoint.metadata().get("epoch"));
        assertEquals(Map.of("imgsz", 640L), checkpoint.metadata().get("opt"));
        assertThrows(UnsupportedOperationException.class,
                () -> ((Map<String, Object>) checkpoint.metadata().get("opt")).put("x", 1));
    }

    private Checkpoint read(PickleBuilder pickle, String name) {
        return CheckpointReader.read(CheckpointZipBuilder.archive().pickle(pickle.stop())
                .storage("w", float32(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4)).writeTo(dir.resolve(name)));
    }

    private static PickleBuilder tensorDict(PickleBuilder p) {
        return p.beginOrderedDict().str("model.0.conv.weight")
                .tensor("FloatStorage", "w", 4, 0, new long[] {4}, new long[] {1}).endDict();
    }

    @Test
    void aBareStateDictIsReadAsOne() {
        Checkpoint checkpoint = read(tensorDict(PickleBuilder.protocol(2)), "bare.pt");
        assertTrue(checkpoint.isStateDictOnly());
        assertEquals(List.of("model.0.conv.weight"), List.copyOf(checkpoint.stateDict().keySet()));
        assertTrue(checkpoint.metadata().isEmpty());
    }

    @Test
    void aStateDictUnderModelOrStateDictKeepsTheOtherEntriesAsMetadata() {
        Checkpoint underModel = read(tensorDict(PickleBuilder.protocol(2).beginDict().str("model"))
                .str("epoch").integer(3).endDict(), "model.pt");
        assertEquals(1, underModel.stateDict().size());
        assertEquals(Map.of("epoch", 3L), underModel.metadata());

        Checkpoint underStateDict = read(tensorDict(PickleBuilder.protocol(2).beginDict().str("state_dict"))
                .str("date").str("x").endDict(), "state_dict.pt");
        assertEquals(1, underStateDict.stateDict().size());
        assertEquals(Map.of("date", "x"), underStateDict.metadata());
    }

    @Test
    void aModelThatIsNotAYoloDetectionModelIsUnsupported() {
        PickleBuilder sequential = PickleBuilder.protocol(2).beginDict().str("model")
                .beginObject("torch.nn.modules.container", "Sequential").endObject().endDict();
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> read(sequential, "seq.pt"));
        assertTrue(e.getMessage().contains("not a YOLOv5 or YOLOv8/YOLO11 checkpoint"), e.getMessage());
        assertTrue(e.getMessage().contains("torch.nn.modules.container.Sequential"), e.getMessage());

        assertThrows(UnsupportedModelException.class, () -> read(PickleBuilder.protocol(2).beginDict()
                .str("model").none().str("ema").none().endDict(), "none.pt"));
        assertThrows(UnsupportedModelException.class, () -> read(PickleBuilder.protocol(2).beginDict()
                .str("weights").integer(1).endDict(), "other.pt"));
        assertThrows(UnsupportedModelException.class, () -> read(PickleBuilder.protocol(2)
                .op(PickleBuilder.EMPTY_LIST), "list.pt"));
    }

    @Test
    void theProjectsOwnFixturesAreRead() throws IOException {
        Path fixtures = Oracle.testdata().resolve("fixtures");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fixtures), "no " + fixtures);
        List<Path> checkpoints;
        try (Stream<Path> files = Files.list(fixtures)) {
            checkpoints = files.filter(f -> f.toString().endsWith(".pt")).sorted().toList();
        }
        assertFalse(checkpoints.isEmpty());
        for (Path file : checkpoints) {
            Checkpoint checkpoint = CheckpointReader.read(file);
            if (checkpoint.isStateDictOnly()) {
                assertTrue(checkpoint.stateDict().size() > 10, file.toString());
            } else {
                assertEquals("models.yolo.DetectionModel", checkpoint.model().orElseThrow().pythonClass());
                assertTrue(checkpoint.model().orElseThrow().find("model.0").isPresent(), file.toString());
            }
        }
    }
}
