package dev.yolocam.cam;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.LetterboxResult;
import java.util.ArrayList;
import java.util.List;

/**
 * pytorch-grad-cam's aug_smooth: the identity map plus the map of each other variant of the image (its target rows
 * mirrored with the image), each brought back to the original orientation, averaged.
 */
final class AugSmooth {
    /** How one variant of the image becomes a map, for its own (possibly mirrored) target. */
    @FunctionalInterface
    interface VariantMap {
        float[] of(Detector.Prepared variant, Target target);
    }

    private AugSmooth() {
    }

    static float[] apply(Detector.Prepared prepared, Target target, PredictionGrid grid, float[] identityMap,
                         VariantMap mapOf) {
        LetterboxResult lb = prepared.letterbox();
        List<float[]> maps = new ArrayList<>();
        for (Augmentation aug : Augmentation.smoothing()) {
            if (aug.equals(Augmentation.IDENTITY)) {
                maps.add(identityMap);
                continue;
            }
            LetterboxResult transformed = new LetterboxResult(aug.apply(lb.input(), lb.height(), lb.width()),
                    lb.image(), lb.height(), lb.width(), lb.ratio(), lb.unpadWidth(), lb.unpadHeight(),
                    lb.padLeft(), lb.padTop(), lb.padRight(), lb.padBottom());
            Detector.Prepared variant = new Detector.Prepared(prepared.path(), prepared.original(), transformed);
            Target t = aug.flip() ? target.mirror(grid) : target;
            maps.add(aug.undo(mapOf.of(variant, t), lb.height(), lb.width()));
        }
        float[] mean = new float[identityMap.length];
        for (float[] m : maps) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += m[i] / maps.size();
            }
        }
        return mean;
    }
}
