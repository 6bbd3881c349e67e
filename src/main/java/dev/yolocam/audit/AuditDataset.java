package dev.yolocam.audit;

import dev.yolocam.errors.UsageException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.Sources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The images of {@code --data}, in a fixed order (sorted by location, as YOLOv5's loaders), each with its key and its
 * label file:
 * <ul>
 * <li>a YOLOv5 {@code data.yaml}: its {@code val:} entry (a folder, a .txt list of images, or a list of those),
 * relative to its {@code path:}, which is relative to the yaml's folder;</li>
 * <li>a folder in YOLOv5's layout ({@code images/} and {@code labels/} side by side): the images under
 * {@code images/};</li>
 * <li>any other folder: the images under it, labels beside them or in a {@code labels/} folder.</li>
 * </ul>
 * An image's label file is {@code <stem>.txt} beside it, else YOLOv5's {@code img2label_paths}: the last
 * {@code /images/} of its path replaced by {@code /labels/}. Keys are paths relative to the images' folder (to the
 * yaml's {@code path:} when {@code val:} lists several).
 */
public final class AuditDataset {
    private final DatasetFiles files;

    public AuditDataset(DatasetFiles files) {
        this.files = files;
    }

    public List<AuditImage> resolve(String data) {
        String lower = data.toLowerCase(Locale.ROOT);
        if ((lower.endsWith(".yaml") || lower.endsWith(".yml")) && files.isFile(data)) {
            return fromYaml(data);
        }
        if (files.isDirectory(data)) {
            String images = Locations.join(data, "images");
            String folder = files.isDirectory(images) ? images : data;
            return images(data, List.of(folder), folder);
        }
        throw new UsageException("--data " + data + ": neither a data.yaml nor a folder of images");
    }

    private List<AuditImage> fromYaml(String yamlFile) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(files.readText(yamlFile));
        } catch (YAMLException e) {
            throw YolocamException.about(yamlFile, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        if (!(parsed instanceof Map<?, ?> yaml)) {
            throw YolocamException.about(yamlFile, "not a YOLOv5 data.yaml (no mapping at the top)", null);
        }
        Object path = yaml.get("path");
        String root = path == null ? Locations.parent(yamlFile) : Locations.join(Locations.parent(yamlFile), text(path));
        Object val = yaml.get("val");
        List<String> entries = new ArrayList<>();
        if (val instanceof List<?> list) {
            list.forEach(e -> entries.add(Locations.join(root, text(e))));
        } else if (val != null) {
            entries.add(Locations.join(root, text(val)));
        }
        if (entries.isEmpty()) {
            throw YolocamException.about(yamlFile, "has no val: entry (the images to audit)", null);
        }
        List<String> images = new ArrayList<>();
        for (String entry : entries) {
            if (files.isDirectory(entry)) {
                images.add(entry);
            } else if (files.isFile(entry) && entry.toLowerCase(Locale.ROOT).endsWith(".txt")) {
                String folder = Locations.parent(entry);
                files.readText(entry).lines().map(String::strip).filter(l -> !l.isEmpty())
                        .forEach(l -> images.add(Locations.join(folder, l)));
            } else {
                throw YolocamException.about(yamlFile, "val: " + entry + " is neither a folder nor a .txt list of "
                        + "images", null);
            }
        }
        String keyRoot = entries.size() == 1 && files.isDirectory(entries.get(0)) ? entries.get(0) : root;
        return images(yamlFile, images, keyRoot);
    }

    /** The images in {@code sources} (folders, searched at any depth, or image files). */
    private List<AuditImage> images(String data, List<String> sources, String keyRoot) {
        List<String> found = new ArrayList<>();
        for (String source : sources) {
            if (files.isDirectory(source)) {
                files.listFiles(source).stream().filter(AuditDataset::isImage).forEach(found::add);
            } else if (files.isFile(source)) {
                found.add(source);
            } else {
                throw YolocamException.about(source, "listed in " + data + " but does not exist", null);
            }
        }
        found = found.stream().distinct().sorted(Comparator.naturalOrder()).toList();
        if (found.isEmpty()) {
            throw YolocamException.about(data, "no images found (" + String.join(", ",
                    Sources.IMAGE_SUFFIXES.stream().sorted().toList()) + ")", null);
        }
        List<AuditImage> out = new ArrayList<>();
        for (String image : found) {
            out.add(new AuditImage(Locations.relative(keyRoot, image), image, label(image)));
        }
        return out;
    }

    /** The image's label file, or null: beside it, else in the labels/ folder that mirrors the last images/. */
    private String label(String image) {
        String name = Locations.name(image);
        int dot = name.lastIndexOf('.');
        String labelName = (dot > 0 ? name.substring(0, dot) : name) + ".txt";
        String beside = Locations.join(Locations.parent(image), labelName);
        if (files.isFile(beside)) {
            return beside;
        }
        int at = image.lastIndexOf("/images/");
        if (at < 0) {
            return null;
        }
        String mirrored = image.substring(0, at) + "/labels/" + image.substring(at + "/images/".length());
        String label = Locations.join(Locations.parent(mirrored), labelName);
        return files.isFile(label) ? label : null;
    }

    private static boolean isImage(String location) {
        String name = Locations.name(location);
        int dot = name.lastIndexOf('.');
        return dot > 0 && Sources.IMAGE_SUFFIXES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String text(Object value) {
        return String.valueOf(value);
    }
}
