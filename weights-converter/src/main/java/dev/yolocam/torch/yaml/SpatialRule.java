package dev.yolocam.torch.yaml;

import java.util.List;

/** How a block maps the spatial size of its inputs to that of its output (channels are tracked separately). */
@FunctionalInterface
interface SpatialRule {
    Spatial apply(List<Spatial> inputs);

    SpatialRule SAME = inputs -> inputs.get(0);

    /** A single-input rule. */
    static SpatialRule of(java.util.function.UnaryOperator<Spatial> rule) {
        return inputs -> rule.apply(inputs.get(0));
    }

    /** This rule applied {@code times} times in a row (an nn.Sequential of copies). */
    default SpatialRule repeated(long times) {
        return inputs -> {
            Spatial s = apply(inputs);
            for (long i = 1; i < times; i++) {
                s = apply(List.of(s));
            }
            return s;
        };
    }

    /** This rule after another single-input rule. */
    default SpatialRule after(SpatialRule first) {
        return inputs -> apply(List.of(first.apply(inputs)));
    }
}
