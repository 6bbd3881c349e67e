package dev.yolocam.torch.yaml;

import dev.yolocam.errors.UnsupportedModelException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a model YAML file (SnakeYAML's safe loader, nothing but plain data) into its top-level mapping. */
final class ModelYamlFile {
    private ModelYamlFile() {
    }

    /**
     * @throws UnsupportedModelException naming the file when it cannot be read, is not YAML, or is not a mapping
     */
    static Map<?, ?> read(Path file) {
        Object loaded;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UnsupportedModelException(file, "cannot read the model yaml: " + e.getMessage());
        } catch (YAMLException e) {
            throw new UnsupportedModelException(file, "not a valid YAML file: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new UnsupportedModelException(file, "not a model yaml (expected a mapping at the top)");
        }
        return map;
    }
}
