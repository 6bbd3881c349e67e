package dev.yolocam.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The model families yolocam reads, and the questions the reader and the graph builder ask of all of them. */
public final class ModelFamilies {
    private static final Pattern MODULE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    /** Every family yolocam reads, one line per family (declared after the patterns its constructor uses). */
    public static final ModelFamilies REGISTERED = new ModelFamilies(List.of(
            new Yolov5Family(),
            new UltralyticsFamily()));

    private final List<ModelFamily> families;

    /** Checks what a family claims, so that a mistake in a new family fails at startup, not on a user's file. */
    ModelFamilies(List<ModelFamily> families) {
        if (families.isEmpty()) {
            throw new IllegalArgumentException("no model family");
        }
        for (ModelFamily family : families) {
            for (String module : family.moduleClassModules()) {
                if (!MODULE.matcher(module).matches()) {
                    throw new IllegalArgumentException(family.name() + ": '" + module + "' is not a module name");
                }
            }
            List<String> classes = new ArrayList<>(family.modelClasses());
            classes.addAll(family.detectHeadClasses());
            if (family.modelClasses().isEmpty() || family.detectHeadClasses().isEmpty()) {
                throw new IllegalArgumentException(family.name() + " names no model or no detection head class");
            }
            for (String cls : classes) {
                if (!definesModuleClass(family, global(cls))) {
                    throw new IllegalArgumentException(family.name() + ": " + cls
                            + " is not a class of its own modules");
                }
            }
        }
        this.families = List.copyOf(families);
    }

    /** True when the global is a CamelCase class of a module some family defines its module classes in. */
    boolean definesModuleClass(PyGlobal global) {
        return families.stream().anyMatch(family -> definesModuleClass(family, global));
    }

    /** True when a checkpoint's model may be of this class. */
    boolean isModelClass(String qualifiedName) {
        return families.stream().anyMatch(family -> family.modelClasses().contains(qualifiedName));
    }

    /** The family whose detection head has this class, if any. */
    public Optional<ModelFamily> ofDetectHead(String pythonClass) {
        return families.stream().filter(family -> family.detectHeadClasses().contains(pythonClass)).findFirst();
    }

    public List<ModelFamily> families() {
        return families;
    }

    /** The families' names for messages: "YOLOv5", "YOLOv5 or YOLOv8". */
    public String names() {
        return families.stream().map(ModelFamily::name).collect(Collectors.joining(" or "));
    }

    /** Each family's usual model class, for messages. */
    String usualModelClasses() {
        return families.stream().map(family -> family.modelClasses().get(0)).collect(Collectors.joining(", "));
    }

    /** Every family's detection head classes, for messages. */
    public String detectHeadClasses() {
        return families.stream().flatMap(family -> family.detectHeadClasses().stream()).sorted()
                .collect(Collectors.joining(" or "));
    }

    private static boolean definesModuleClass(ModelFamily family, PyGlobal global) {
        return family.moduleClassModules().contains(global.module()) && CLASS_NAME.matcher(global.name()).matches();
    }

    private static PyGlobal global(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? new PyGlobal("", qualifiedName)
                : new PyGlobal(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }
}
