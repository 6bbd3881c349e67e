package dev.yolocam.torch.yaml;

/** The height and width of a feature map, for the stride dry run. */
record Spatial(long h, long w) {

    /** The output size of a convolution or pooling: {@code floor((h + 2p - d(k - 1) - 1) / s) + 1}. */
    Spatial sliding(Pair kernel, Pair stride, Pair padding, Pair dilation) {
        return new Spatial(out(h, kernel.h(), stride.h(), padding.h(), dilation.h()),
                out(w, kernel.w(), stride.w(), padding.w(), dilation.w()));
    }

    /** After {@code MaxPool2d(k, stride=1, padding=k // 2)}. */
    Spatial pooled(long k) {
        return sliding(Pair.of(k), Pair.of(1), Pair.of(k / 2), Pair.of(1));
    }

    /**
     * This size, when {@code other} (another input of a block that joins feature maps) has it too.
     *
     * @throws IllegalArgumentException naming {@code where} when the sizes differ
     */
    Spatial requireSame(Spatial other, String where) {
        if (!equals(other)) {
            throw new IllegalArgumentException(where + " joins feature maps of different sizes (" + this + " and "
                    + other + ")");
        }
        return this;
    }

    private static long out(long size, long k, long s, long p, long d) {
        long span = size + 2 * p - d * (k - 1) - 1;
        if (span < 0) {
            throw new IllegalArgumentException("a feature map of size " + size + " is too small for kernel " + k);
        }
        return span / s + 1;
    }

    @Override
    public String toString() {
        return h + "x" + w;
    }
}
