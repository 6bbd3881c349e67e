package dev.yolocam.head;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.ModelFamilies;
import dev.yolocam.torch.ModuleNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Python class of a registered family's detection head -> how to read it. A family's head is one
 * {@link DetectHead} class plus one line here; {@code DetectHeadsTest} checks that every head class a
 * {@link ModelFamilies registered family} names has one.
 */
public final class DetectHeads {
    private static final Map<String, Reader> READERS = Map.of(
            "models.yolo.Detect", Yolov5DetectHead::of,
            "ultralytics.nn.modules.head.Detect", UltralyticsDetectHead::of);

    private DetectHeads() {
    }

    /** True when {@code pythonClass} is a detection head yolocam reads. */
    public static boolean isHead(String pythonClass) {
        return READERS.containsKey(pythonClass);
    }

    /** The head {@code detect} is, with its attributes checked. */
    public static DetectHead of(ModuleNode detect, Path source) {
        Reader reader = READERS.get(detect.pythonClass());
        if (reader == null) {
            throw new UnsupportedModelException(source, detect.path() + " is " + detect.pythonClass() + ", not "
                    + ModelFamilies.REGISTERED.detectHeadClasses());
        }
        return reader.read(detect, source);
    }

    @FunctionalInterface
    private interface Reader {
        DetectHead read(ModuleNode detect, Path source);
    }
}
