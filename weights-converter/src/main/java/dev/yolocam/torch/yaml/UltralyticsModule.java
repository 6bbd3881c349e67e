package dev.yolocam.torch.yaml;

import java.util.Optional;

/**
 * The module names an Ultralytics 8.x model YAML may use that yolocam builds (what {@code parse_model} resolves
 * through {@code globals()[m]} or {@code getattr(torch.nn, m[3:])}), with their Python class.
 */
enum UltralyticsModule {
    CONV("Conv", UltralyticsModule.CONV_PY + "Conv"),
    DWCONV("DWConv", UltralyticsModule.CONV_PY + "DWConv"),
    BOTTLENECK("Bottleneck", UltralyticsModule.BLOCK_PY + "Bottleneck"),
    C2F("C2f", UltralyticsModule.BLOCK_PY + "C2f"),
    C3("C3", UltralyticsModule.BLOCK_PY + "C3"),
    C3K2("C3k2", UltralyticsModule.BLOCK_PY + "C3k2"),
    SPPF("SPPF", UltralyticsModule.BLOCK_PY + "SPPF"),
    C2PSA("C2PSA", UltralyticsModule.BLOCK_PY + "C2PSA"),
    CONCAT("Concat", UltralyticsModule.CONV_PY + "Concat"),
    DETECT("Detect", "ultralytics.nn.modules.head.Detect"),
    UPSAMPLE("nn.Upsample", "torch.nn.modules.upsampling.Upsample");

    static final String CONV_PY = "ultralytics.nn.modules.conv.";
    static final String BLOCK_PY = "ultralytics.nn.modules.block.";

    private final String yamlName;
    private final String pythonClass;

    UltralyticsModule(String yamlName, String pythonClass) {
        this.yamlName = yamlName;
        this.pythonClass = pythonClass;
    }

    static Optional<UltralyticsModule> resolve(String name) {
        String n = name.trim();
        for (UltralyticsModule m : values()) {
            if (m.yamlName.equals(n)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** {@code str(m)[8:-2]}: the layer's {@code type} attribute. */
    String pythonClass() {
        return pythonClass;
    }

    String yamlName() {
        return yamlName;
    }

    /** parse_model's {@code base_modules}: the first argument is the output channel count, scaled. */
    boolean isBase() {
        return switch (this) {
            case CONV, DWCONV, BOTTLENECK, C2F, C3, C3K2, SPPF, C2PSA -> true;
            default -> false;
        };
    }

    /** parse_model's {@code repeat_modules}: the repeat count goes in as the third argument. */
    boolean takesRepeats() {
        return switch (this) {
            case C2F, C3, C3K2, C2PSA -> true;
            default -> false;
        };
    }
}
