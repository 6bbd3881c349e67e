package dev.yolocam.cam;

import dev.yolocam.detect.Detector;
import dev.yolocam.model.YoloModel;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a finished map explains, as a score of network inputs: the map's own target on the explained image and on
 * other inputs of its size (masked or perturbed copies), through the model the map came from. The metrics score
 * with it after the engine is done; inputs of several maps share forward passes through {@link #scoreEach}.
 */
public final class MapScoring implements InputScoring {
    private final YoloModel model;
    private final Detector.Prepared image;
    private final Target target;
    private final double base;

    /** @param raw the Detect output of the explained image's pass */
    MapScoring(YoloModel model, Detector.Prepared image, Target target, INDArray raw) {
        this.model = model;
        this.image = image;
        this.target = target;
        this.base = GraphModelAccess.score(model, raw, 0, target);
    }

    @Override
    public int inputHeight() {
        return image.letterbox().height();
    }

    @Override
    public int inputWidth() {
        return image.letterbox().width();
    }

    @Override
    public float[] input() {
        return image.letterbox().input();
    }

    @Override
    public double baseScore() {
        return base;
    }

    @Override
    public double[] scoreInputs(List<float[]> inputs, int batchSize) {
        return GraphModelAccess.scoreEach(model, inputHeight(), inputWidth(), inputs,
                Collections.nCopies(inputs.size(), target), batchSize);
    }

    /**
     * The score of each input under its own map's target ({@code inputs.get(i)} under {@code owners.get(i)}), from
     * passes of {@code passSize} inputs: maps of one model and one input size share passes.
     */
    public static double[] scoreEach(List<MapScoring> owners, List<float[]> inputs, int passSize) {
        if (owners.size() != inputs.size()) {
            throw new IllegalArgumentException(owners.size() + " owners for " + inputs.size() + " inputs");
        }
        if (owners.isEmpty()) {
            return new double[0];
        }
        MapScoring first = owners.get(0);
        for (MapScoring owner : owners) {
            if (owner.model != first.model || owner.inputHeight() != first.inputHeight()
                    || owner.inputWidth() != first.inputWidth()) {
                throw new IllegalArgumentException("maps of different models or input sizes cannot share passes");
            }
        }
        return GraphModelAccess.scoreEach(first.model, first.inputHeight(), first.inputWidth(), inputs,
                owners.stream().map(o -> o.target).toList(), passSize);
    }
}
