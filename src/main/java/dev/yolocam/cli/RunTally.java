package dev.yolocam.cli;

import dev.yolocam.detect.NmsOptions;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a run over pictures did, counted as it goes, and the summary it ends with: pictures (images and video frames),
 * detections, maps where the command makes maps, failures, time per picture, and a hint about --conf when pictures
 * had no detections.
 */
final class RunTally {
    private final ImageRun.Product product;
    private final NmsOptions nms;
    private int images;
    private int frames;
    private int failed;
    private int detections;
    private int maps;
    private int withoutDetections;

    RunTally(ImageRun.Product product, NmsOptions nms) {
        this.product = product;
        this.nms = nms;
    }

    /** One picture written. */
    void written(boolean videoFrame, ImageRun.Counts counts) {
        if (videoFrame) {
            frames++;
        } else {
            images++;
        }
        detections += counts.detections();
        maps += counts.maps();
        withoutDetections += counts.detections() == 0 ? 1 : 0;
    }

    /** {@code pictures} pictures (or one file) failed. */
    void failed(int pictures) {
        failed += pictures;
    }

    boolean anyFailed() {
        return failed > 0;
    }

    void summarize(PrintWriter err, double seconds, String folder) {
        int done = images + frames;
        String unit = frames == 0 ? "image" : images == 0 ? "frame" : "picture";
        String pictures = frames == 0 ? plural(images, "image")
                : images == 0 ? plural(frames, "video frame")
                : plural(images, "image") + ", " + plural(frames, "video frame");
        err.printf(Locale.ROOT, "%s, %s%s in %.1f s (%.0f ms/%s)%s%s%n", pictures, plural(detections, "detection"),
                product == ImageRun.Product.MAPS ? ", " + plural(maps, "map") : "", seconds,
                done == 0 ? 0.0 : seconds * 1000 / (done + failed), unit, failed > 0 ? ", " + failed + " failed" : "",
                done > 0 ? "; results in " + folder : "");
        if (withoutDetections > 0) {
            err.printf(Locale.ROOT, "yolocam: %s had no detections%s at --conf %s; a lower --conf shows weaker ones%n",
                    withoutDetections == done ? (done == 1 ? "the " + unit : "all " + plural(done, unit))
                            : plural(withoutDetections, unit),
                    nms.classes() == null ? "" : " of the chosen --classes",
                    BigDecimal.valueOf(nms.confThreshold()).stripTrailingZeros().toPlainString());
        }
        err.flush();
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
