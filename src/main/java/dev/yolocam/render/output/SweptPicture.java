package dev.yolocam.render.output;

import dev.yolocam.cam.SweepResult;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.graph.LayerInfo;
import dev.yolocam.metrics.LayerRanking;
import dev.yolocam.render.BoxPainter;
import dev.yolocam.render.CamOverlay;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One picture as {@code yolocam sweep} writes it: one map per layer, each drawn once as an overlay with every
 * detection's box, in a folder of its own ({@code folder}) when the run sweeps several pictures.
 */
public final class SweptPicture extends OutputPicture {
    private final SweepResult result;
    private final List<LayerInfo> layers;
    private final String method;
    private final IntFunction<String> className;
    private final List<LayerRanking.Ranked> ranking;
    private final BufferedImage[] overlays;

    /**
     * @param layers  the swept layers, in the order of the result's maps
     * @param ranking the layers ranked on this picture, best first ({@code sweep --rank}); empty when not ranked
     */
    public SweptPicture(SourceImage source, SweepResult result, Path folder, List<LayerInfo> layers, String method,
                        IntFunction<String> className, List<LayerRanking.Ranked> ranking) {
        super(source, folder);
        this.result = result;
        this.layers = List.copyOf(layers);
        this.method = method;
        this.className = className;
        this.ranking = List.copyOf(ranking);
        this.overlays = new BufferedImage[layers.size()];
    }

    /** The layers ranked on this picture, best first; empty when they were not ranked. */
    public List<LayerRanking.Ranked> ranking() {
        return ranking;
    }

    public SweepResult result() {
        return result;
    }

    public String method() {
        return method;
    }

    /** The layers that have a map to show: all of them, or none when nothing was detected. */
    public int shown() {
        return result.noDetections() ? 0 : result.maps().size();
    }

    public LayerInfo layer(int i) {
        return layers.get(i);
    }

    /** Layer {@code i}'s overlay, relative to {@link #folder()}. */
    public String layerFile(int i) {
        return "layers/" + source().stem() + "_" + layers.get(i).path().replace('#', '_') + ".png";
    }

    /** The grid of every layer's overlay, relative to {@link #folder()}. */
    public String gridFile() {
        return source().stem() + "_sweep.png";
    }

    /** Layer {@code i}'s map over the picture (JET, image weight 0.5), with every detection's box. */
    public synchronized BufferedImage overlay(int i) {
        if (overlays[i] == null) {
            BufferedImage overlay = CamOverlay.overlay(result.detections().original(), result.maps().get(i).original());
            BoxPainter.draw(overlay, result.detections().inOriginal(), className);
            overlays[i] = overlay;
        }
        return overlays[i];
    }
}
