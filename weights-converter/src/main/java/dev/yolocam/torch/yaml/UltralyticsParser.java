package dev.yolocam.torch.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Port of Ultralytics 8.3.166 {@code parse_model(d, ch)} ({@code ultralytics/nn/tasks.py}) for the modules of
 * {@link UltralyticsModule}: scales, argument evaluation, channel bookkeeping with the {@code max_channels} cap, the
 * C3k2 rules (c3k forced for scales m/l/x; any C3k2 makes Detect non-legacy), the {@code activation:} override,
 * and the {@code i, f, type, np} attributes of every layer.
 */
final class UltralyticsParser {
    private static final Pattern INT = Pattern.compile("[-+]?\\d+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

    private final UltralyticsYaml yaml;
    private final TorchModules nn;
    private final UltralyticsBlocks blocks;
    private final UltralyticsDetect detect;
    private final Map<String, Object> locals;

    UltralyticsParser(UltralyticsYaml yaml, InstanceIds ids) {
        this.yaml = yaml;
        this.nn = new TorchModules(ids);
        this.blocks = new UltralyticsBlocks(nn, defaultActivation(yaml, ids));
        this.detect = new UltralyticsDetect(nn, blocks);
        this.locals = Map.of("nc", yaml.nc());
    }

    ParsedModel parse() {
        boolean legacy = true; // backward compatibility for v3/v5/v8/v9 models
        List<Block> layers = new ArrayList<>();
        List<Long> save = new ArrayList<>();
        List<Long> ch = new ArrayList<>(List.of(yaml.inputChannels()));
        long c2 = ch.get(ch.size() - 1);
        for (LayerSpec layer : yaml.layers()) {
            int i = layer.index();
            try {
                UltralyticsModule kind = UltralyticsModule.resolve(layer.module()).orElseThrow(() ->
                        new IllegalArgumentException("unknown module '" + layer.module() + "'"));
                List<Object> args = new ArrayList<>();
                for (Object a : layer.args()) {
                    args.add(literal(a));
                }
                long n = LayerChannels.repeats(layer.number(), yaml.depth());
                if (kind.isBase()) {
                    long c1 = LayerChannels.at(ch, LayerChannels.singleInput(layer));
                    c2 = outputChannels(args.isEmpty() ? null : args.get(0));
                    args.set(0, c2);
                    args.add(0, c1);
                    if (kind.takesRepeats()) {
                        args.add(2, n);
                        n = 1;
                    }
                    if (kind == UltralyticsModule.C3K2) {
                        legacy = false;
                        forceC3kForLargeScales(args);
                    }
                } else if (kind == UltralyticsModule.CONCAT) {
                    c2 = 0;
                    for (long f : layer.fromList()) {
                        c2 += LayerChannels.at(ch, f);
                    }
                } else if (kind == UltralyticsModule.DETECT) {
                    List<Long> inputs = new ArrayList<>();
                    for (long f : layer.fromList()) {
                        inputs.add(LayerChannels.at(ch, f));
                    }
                    args.add(inputs);
                } else {
                    c2 = LayerChannels.at(ch, LayerChannels.singleInput(layer));
                }
                Block block = repeat(kind, new Args(kind.yamlName(), args), c2, n, legacy);
                block.module()
                        .attribute("np", block.module().parameterCount())
                        .attribute("i", (long) i)
                        .attribute("f", layer.from())
                        .attribute("type", kind.pythonClass());
                layers.add(block);
                LayerChannels.addSaved(layer, save);
                if (i == 0) {
                    ch.clear(); // from layer 1 on, ch[j] is the output channels of layer j
                }
                ch.add(c2);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw yaml.problem("layer " + i + " " + layer.module() + ": " + e.getMessage());
            }
        }
        Collections.sort(save);
        return new ParsedModel(layers, save);
    }

    /** {@code c2 = make_divisible(min(c2, max_channels) * width, 8) if c2 != nc else c2}. */
    private long outputChannels(Object requested) {
        if (!(requested instanceof Number r) || requested instanceof Double d && d.isNaN()) {
            throw new IllegalArgumentException("the first argument must be the output channel count, not "
                    + requested);
        }
        if (r.doubleValue() == yaml.nc()) {
            if (requested instanceof Long c) {
                return c;
            }
            throw new IllegalArgumentException("output channels must be an int, not " + requested);
        }
        return LayerChannels.makeDivisible(Math.min(r.doubleValue(), yaml.maxChannels()) * yaml.width(), 8);
    }

    /** {@code if scale in "mlx": args[3] = True} (a substring test, as upstream writes it). */
    private void forceC3kForLargeScales(List<Object> args) {
        if (yaml.scale().isEmpty()) {
            throw new IllegalArgumentException("C3k2 needs a yaml with 'scales' (parse_model reads the scale)");
        }
        if ("mlx".contains(yaml.scale())) {
            if (args.size() <= 3) {
                throw new IllegalArgumentException("C3k2 at scale " + yaml.scale() + " needs its c3k argument "
                        + "(parse_model sets args[3] = True)");
            }
            args.set(3, Boolean.TRUE);
        }
    }

    /** {@code nn.Sequential(*(m(*args) for _ in range(n))) if n > 1 else m(*args)}. */
    private Block repeat(UltralyticsModule kind, Args args, long c2, long n, boolean legacy) {
        if (n <= 1) {
            return build(kind, args, c2, legacy);
        }
        List<ModuleSpec> copies = new ArrayList<>();
        Block first = null;
        for (long k = 0; k < n; k++) {
            Block copy = build(kind, args, c2, legacy);
            first = first == null ? copy : first;
            copies.add(copy.module());
        }
        return new Block(nn.sequential(copies), first.outChannels(), first.spatial().repeated(n));
    }

    private Block build(UltralyticsModule kind, Args a, long c2, boolean legacy) {
        return switch (kind) {
            case CONV -> blocks.conv(a);
            case DWCONV -> blocks.dwConv(a);
            case BOTTLENECK -> blocks.bottleneck(a);
            case C2F -> blocks.c2f(a);
            case C3 -> blocks.c3(a);
            case C3K2 -> blocks.c3k2(a);
            case SPPF -> blocks.sppf(a);
            case C2PSA -> blocks.c2psa(a);
            case CONCAT -> blocks.concat(a, c2);
            case DETECT -> detect.detect(a, legacy);
            case UPSAMPLE -> nn.upsampleLayer(a, c2);
        };
    }

    /**
     * {@code locals()[a] if a in locals() else ast.literal_eval(a)} for a string argument (of parse_model's locals
     * only {@code nc} is offered, the one YAMLs use), the ValueError of a non-literal suppressed (so
     * {@code "nearest"} stays a string). Unlike YOLOv5's eval, {@code nn.ReLU()} is no module here but a string,
     * which Conv's {@code act} treats as "no activation".
     */
    private Object literal(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        String t = text.trim();
        if (locals.containsKey(text)) {
            return locals.get(text);
        }
        switch (t) {
            case "None":
                return null;
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            default:
                break;
        }
        if (INT.matcher(t).matches()) {
            return Long.parseLong(t);
        }
        if (FLOAT.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        return text;
    }

    /** {@code Conv.default_act = eval(act)} when the YAML has {@code activation:}; SiLU otherwise. */
    private static ActivationSpec defaultActivation(UltralyticsYaml yaml, InstanceIds ids) {
        String act = yaml.activation();
        try {
            return ActivationSpec.evaluate(act == null ? "nn.SiLU()" : act, ids.next());
        } catch (IllegalArgumentException e) {
            throw yaml.problem("activation: " + e.getMessage());
        }
    }
}
