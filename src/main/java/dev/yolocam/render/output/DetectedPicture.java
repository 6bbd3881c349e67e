package dev.yolocam.render.output;

import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.render.BoxPainter;
import dev.yolocam.render.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** One picture as {@code yolocam detect} writes it: its detections. */
public final class DetectedPicture extends OutputPicture {
    private final DetectionResult result;
    private final IntFunction<String> className;

    public DetectedPicture(SourceImage source, DetectionResult result, Path folder, IntFunction<String> className) {
        super(source, folder);
        this.result = result;
        this.className = className;
    }

    public DetectionResult result() {
        return result;
    }

    public IntFunction<String> className() {
        return className;
    }

    /** The picture with its boxes and labels drawn (also what a video's annotated copy shows for a frame). */
    public static BufferedImage annotated(DetectionResult result, IntFunction<String> className) {
        BufferedImage annotated = Images.toBuffered(result.original());
        BoxPainter.draw(annotated, result.inOriginal(), className);
        return annotated;
    }
}
