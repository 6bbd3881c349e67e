package dev.yolocam.torch.yaml;

import java.util.List;

/** The channel and repeat arithmetic both {@code parse_model} ports share. */
final class LayerChannels {
    private LayerChannels() {
    }

    /** The single {@code from} of a layer that takes one input. */
    static long singleInput(LayerSpec layer) {
        if (layer.from() instanceof Long f) {
            return f;
        }
        throw new IllegalArgumentException("takes one input, but 'from' is " + layer.from());
    }

    /** Python's {@code ch[index]}, negative indices counting from the end. */
    static long at(List<Long> ch, long index) {
        long k = index < 0 ? ch.size() + index : index;
        if (k < 0 || k >= ch.size()) {
            throw new IllegalArgumentException("'from' index " + index + " does not name an earlier layer");
        }
        return ch.get((int) k);
    }

    /** {@code make_divisible(x, divisor)}: {@code math.ceil(x / divisor) * divisor}. */
    static long makeDivisible(double x, long divisor) {
        return (long) Math.ceil(x / divisor) * divisor;
    }

    /** The depth gain {@code max(round(n * depth), 1) if n > 1 else n}, with Python's round half to even. */
    static long repeats(long n, double depth) {
        return n > 1 ? Math.max(Math.round(Math.rint(n * depth)), 1) : n;
    }

    /** The {@code save} entries of one layer: {@code x % i for x in f if x != -1}. */
    static void addSaved(LayerSpec layer, List<Long> save) {
        for (long f : layer.fromList()) {
            if (f != -1) {
                save.add(Math.floorMod(f, (long) layer.index()));
            }
        }
    }
}
