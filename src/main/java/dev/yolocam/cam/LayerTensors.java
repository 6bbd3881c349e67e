package dev.yolocam.cam;

/**
 * The activation A and gradient G (d target / d A) of one target layer for one image, each (C, h, w) in C order.
 * {@code gradient} is null for gradient-free methods.
 */
public record LayerTensors(String layer, int channels, int height, int width, float[] activation, float[] gradient) {
    public LayerTensors {
        int n = channels * height * width;
        if (activation.length != n || (gradient != null && gradient.length != n)) {
            throw new IllegalArgumentException("tensors of " + layer + " do not have " + channels + "x" + height
                    + "x" + width + " values");
        }
    }

    public int pixels() {
        return height * width;
    }
}
