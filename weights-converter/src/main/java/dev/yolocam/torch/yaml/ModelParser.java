package dev.yolocam.torch.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Port of YOLOv5 v7.0 {@code parse_model(d, ch)}: depth and width multiples, argument evaluation, channel
 * bookkeeping, the {@code activation:} override, and the {@code i, f, type, np} attributes of every layer.
 */
final class ModelParser {

    private final ModelYaml yaml;
    private final TorchModules nn;
    private final PythonEval eval;
    private final CommonBlocks common;
    private final DetectHeads detectHeads;

    ModelParser(ModelYaml yaml, InstanceIds ids) {
        this.yaml = yaml;
        this.nn = new TorchModules(ids);
        this.eval = new PythonEval(Map.of("nc", yaml.nc(), "anchors", yaml.anchors()), ids::next);
        this.common = new CommonBlocks(nn, defaultActivation(yaml, ids));
        this.detectHeads = new DetectHeads(nn);
    }

    ParsedModel parse() {
        long no = anchorsPerLevel(yaml.anchors()) * (yaml.nc() + 5);
        List<Block> layers = new ArrayList<>();
        List<Long> save = new ArrayList<>();
        List<Long> ch = new ArrayList<>(List.of(yaml.inputChannels()));
        long c2 = ch.get(ch.size() - 1);
        for (LayerSpec layer : yaml.layers()) {
            int i = layer.index();
            try {
                Call call = call(layer, ch, c2, no);
                Block block = repeat(call.kind(), call.args(), call.c2(), call.n());
                block.module()
                        .attribute("i", (long) i)
                        .attribute("f", layer.from())
                        .attribute("type", call.kind().pythonClass())
                        .attribute("np", block.module().parameterCount());
                layers.add(block);
                LayerChannels.addSaved(layer, save);
                if (i == 0) {
                    ch.clear(); // from layer 1 on, ch[j] is the output channels of layer j
                }
                c2 = call.c2();
                ch.add(c2);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw yaml.problem("layer " + i + " " + layer.module() + ": " + e.getMessage());
            }
        }
        Collections.sort(save);
        return new ParsedModel(layers, save);
    }

    /** A module to construct {@code n} times with {@code args}; {@code c2} is what parse_model appends to ch. */
    private record Call(YoloModule kind, Args args, long c2, long n) {
    }

    /**
     * The module, evaluated arguments and repeat count of one row, after parse_model's depth gain and per-module
     * argument rewriting. {@code previousC2} is carried over for modules that do not set c2 (Detect).
     */
    private Call call(LayerSpec layer, List<Long> ch, long previousC2, long no) {
        YoloModule kind = YoloModule.resolve(layer.module()).orElseThrow(() ->
                new IllegalArgumentException("unknown module '" + layer.module() + "'"));
        List<Object> args = new ArrayList<>();
        for (Object a : layer.args()) {
            args.add(eval.argument(a));
        }
        long n = LayerChannels.repeats(layer.number(), yaml.depthMultiple());
        long c2 = previousC2;
        if (kind.scalesWidth()) {
            long c1 = LayerChannels.at(ch, LayerChannels.singleInput(layer));
            Object requested = args.isEmpty() ? null : args.get(0);
            c2 = requested instanceof Number r && r.doubleValue() != no
                    ? LayerChannels.makeDivisible(r.doubleValue() * yaml.widthMultiple(), 8)
                    : integer(requested, "c2");
            args.set(0, c2);
            args.add(0, c1);
            if (kind.takesRepeats()) {
                args.add(2, n);
                n = 1;
            }
        } else if (kind == YoloModule.CONCAT) {
            c2 = 0;
            for (long f : layer.fromList()) {
                c2 += LayerChannels.at(ch, f);
            }
        } else if (kind == YoloModule.DETECT) {
            List<Long> inputs = new ArrayList<>();
            for (long f : layer.fromList()) {
                inputs.add(LayerChannels.at(ch, f));
            }
            args.add(inputs);
            if (args.size() > 1 && args.get(1) instanceof Long count) { // a number of anchors, not anchors
                args.set(1, Collections.nCopies(layer.fromList().size(), range(count * 2)));
            }
        } else {
            c2 = LayerChannels.at(ch, LayerChannels.singleInput(layer));
        }
        return new Call(kind, new Args(kind.pythonName(), args), c2, n);
    }

    /** {@code nn.Sequential(*(m(*args) for _ in range(n))) if n > 1 else m(*args)}. */
    private Block repeat(YoloModule kind, Args args, long c2, long n) {
        if (n <= 1) {
            return build(kind, args, c2);
        }
        List<ModuleSpec> copies = new ArrayList<>();
        Block first = null;
        for (long k = 0; k < n; k++) {
            Block copy = build(kind, args, c2);
            first = first == null ? copy : first;
            copies.add(copy.module());
        }
        return new Block(nn.sequential(copies), first.outChannels(), first.spatial().repeated(n));
    }

    private Block build(YoloModule kind, Args a, long c2) {
        return switch (kind) {
            case CONV -> common.conv(a);
            case DWCONV -> common.dwConv(a);
            case BOTTLENECK -> common.bottleneck(a);
            case BOTTLENECK_CSP -> common.bottleneckCsp(a);
            case C3 -> common.c3(a);
            case SPP -> common.spp(a);
            case SPPF -> common.sppf(a);
            case FOCUS -> common.focus(a);
            case CONCAT -> common.concat(a, c2);
            case DETECT -> detectHeads.detect(a);
            case UPSAMPLE -> nn.upsampleLayer(a, c2);
        };
    }

    private static ActivationSpec defaultActivation(ModelYaml yaml, InstanceIds ids) {
        String act = yaml.activation();
        try {
            return ActivationSpec.evaluate(act == null ? "nn.SiLU()" : act, ids.next());
        } catch (IllegalArgumentException e) {
            throw yaml.problem("activation: " + e.getMessage());
        }
    }

    /** {@code na}: anchors per level, from the anchor lists or given as a count. */
    private long anchorsPerLevel(Object anchors) {
        if (anchors instanceof List<?> rows && !rows.isEmpty() && rows.get(0) instanceof List<?> first) {
            return first.size() / 2;
        }
        if (anchors instanceof Long count) {
            return count;
        }
        throw yaml.problem("'anchors' in the model yaml is neither a list of per-level lists nor a count: " + anchors);
    }

    private static long integer(Object value, String name) {
        if (value instanceof Long n) {
            return n;
        }
        throw new IllegalArgumentException("argument '" + name + "' must be an int, not " + value);
    }

    private static List<Long> range(long n) {
        List<Long> out = new ArrayList<>();
        for (long k = 0; k < n; k++) {
            out.add(k);
        }
        return out;
    }
}
