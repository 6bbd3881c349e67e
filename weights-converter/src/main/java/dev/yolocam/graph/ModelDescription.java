package dev.yolocam.graph;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.head.DetectHead;
import dev.yolocam.head.DetectHeads;
import dev.yolocam.torch.ModelFamilies;
import dev.yolocam.torch.ModuleNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a caller needs to know about a model besides its graph: class names, the Detect head and the
 * top-level block list.
 */
public record ModelDescription(Path source, ModuleNode root, List<String> classNames, DetectHead detect,
                               List<ModuleNode> blocks) {

    public static ModelDescription of(ModuleNode root, Path source) {
        String notAModel = "not a " + ModelFamilies.REGISTERED.names() + " detection model: ";
        ModuleNode sequential = root.child("model")
                .orElseThrow(() -> new UnsupportedModelException(source,
                        notAModel + "the root module has no 'model' list"));
        List<ModuleNode> blocks = sequential.childList();
        if (blocks.isEmpty()) {
            throw new UnsupportedModelException(source, notAModel + "'model' is empty");
        }
        ModuleNode last = blocks.get(blocks.size() - 1);
        if (!DetectHeads.isHead(last.pythonClass())) {
            throw new UnsupportedModelException(source, notAModel + "the last layer " + last.path() + " is "
                    + last.pythonClass() + ", not " + ModelFamilies.REGISTERED.detectHeadClasses());
        }
        DetectHead head = DetectHeads.of(last, source);
        return new ModelDescription(source, root, classNames(root, head.classes()), head, blocks);
    }

    public int classes() {
        return detect.classes();
    }

    public int stride() {
        return (int) Math.max(32, detect.maxStride());
    }

    /** The module paths the Detect head reads (its {@code f} list): one feature map per detection level. */
    public List<String> detectInputs() {
        ModuleNode detectNode = blocks.get(blocks.size() - 1);
        Object from = detectNode.attributes().get("f");
        List<String> out = new ArrayList<>();
        if (from instanceof List<?> list) {
            for (Object f : list) {
                if (f instanceof Number n) {
                    int i = n.intValue() < 0 ? blocks.size() - 1 + n.intValue() : n.intValue();
                    out.add(blocks.get(i).path());
                }
            }
        }
        return out;
    }

    /**
     * The image size the checkpoint's own predictor uses by default: Ultralytics keeps the training {@code imgsz}
     * in {@code model.args} and {@code predict} uses it (one side, or height and width); empty for a checkpoint
     * that says none (YOLOv5's detect.py always defaults to 640).
     */
    public Optional<int[]> checkpointImageSize() {
        if (!(root.attributes().get("args") instanceof Map<?, ?> args)) {
            return Optional.empty();
        }
        Object imgsz = args.get("imgsz");
        List<?> sides = imgsz instanceof List<?> list ? list : List.of(imgsz == null ? "" : imgsz);
        if (sides.isEmpty() || sides.size() > 2) {
            return Optional.empty();
        }
        int[] out = new int[sides.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(sides.get(i) instanceof Number n) || n.longValue() < 1 || n.longValue() > 100_000) {
                return Optional.empty();
            }
            out[i] = n.intValue();
        }
        return Optional.of(out);
    }

    public String className(int id) {
        return id >= 0 && id < classNames.size() ? classNames.get(id) : "class" + id;
    }

    private static List<String> classNames(ModuleNode root, int nc) {
        Object names = root.attributes().get("names");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nc; i++) {
            String name = null;
            if (names instanceof List<?> list && i < list.size()) {
                name = String.valueOf(list.get(i));
            } else if (names instanceof Map<?, ?> map) {
                Object v = map.get((long) i);
                if (v == null) {
                    v = map.get(String.valueOf(i));
                }
                name = v == null ? null : String.valueOf(v);
            }
            out.add(name != null ? name : String.valueOf(i));
        }
        return List.copyOf(out);
    }
}
