package dev.yolocam.torch.yaml;

import java.util.Optional;

/** The module names a model YAML may use (what {@code eval(m)} resolves in parse_model), with their Python class. */
enum YoloModule {
    CONV("Conv", "models.common.Conv"),
    DWCONV("DWConv", "models.common.DWConv"),
    BOTTLENECK("Bottleneck", "models.common.Bottleneck"),
    BOTTLENECK_CSP("BottleneckCSP", "models.common.BottleneckCSP"),
    C3("C3", "models.common.C3"),
    SPP("SPP", "models.common.SPP"),
    SPPF("SPPF", "models.common.SPPF"),
    FOCUS("Focus", "models.common.Focus"),
    CONCAT("Concat", "models.common.Concat"),
    DETECT("Detect", "models.yolo.Detect"),
    UPSAMPLE("nn.Upsample", "torch.nn.modules.upsampling.Upsample");

    private final String yamlName;
    private final String pythonClass;

    YoloModule(String yamlName, String pythonClass) {
        this.yamlName = yamlName;
        this.pythonClass = pythonClass;
    }

    /** Resolves the module column of a YAML row; {@code torch.nn.Upsample} works too, as it does for eval. */
    static Optional<YoloModule> resolve(String name) {
        String n = name.trim();
        for (YoloModule m : values()) {
            if (m.yamlName.equals(n) || m == UPSAMPLE && n.equals("torch.nn.Upsample")) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** {@code str(m)[8:-2]}: the layer's {@code type} attribute. */
    String pythonClass() {
        return pythonClass;
    }

    String pythonName() {
        return yamlName;
    }

    /** Modules whose first argument is an output channel count scaled by width_multiple. */
    boolean scalesWidth() {
        return switch (this) {
            case CONV, DWCONV, BOTTLENECK, BOTTLENECK_CSP, C3, SPP, SPPF, FOCUS -> true;
            default -> false;
        };
    }

    /** Modules that take the repeat count as their third argument instead of being repeated. */
    boolean takesRepeats() {
        return this == C3 || this == BOTTLENECK_CSP;
    }
}
