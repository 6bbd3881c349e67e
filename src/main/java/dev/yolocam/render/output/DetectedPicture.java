package dev.yolocam.render.output;

import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.render.BoxPainter;
import dev.yolocam.render.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** One picture as {@code yolocam detect} writes it: its detections. */
public record DetectedPicture(SourceImage source, DetectionResult result, Path folder,
                              IntFunction<String> className) implements OutputPicture {
    @Override
    public Path file(String name) {
        return folder.resolve(name);
    }

    /** The picture with its boxes and labels drawn (also what a video's annotated copy shows for a frame). */
    public static BufferedImage annotated(DetectionResult result, IntFunction<String> className) {
        BufferedImage annotated = Images.toBuffered(result.original());
        BoxPainter.draw(annotated, result.inOriginal(), className);
        return annotated;
    }
}
