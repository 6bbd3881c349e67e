package dev.yolocam.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.errors.CheckpointException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.graph.ModelDescription;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.SafeText;
import dev.yolocam.torch.TensorData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .yolocam} format written by {@code yolocam convert}: a zip with {@code yolocam-model.json} (format
 * version, source, the module tree with every attribute) and {@code tensors.bin} (every tensor's bytes, in the
 * checkpoint's own dtype). It loads without any pickle machinery, into the same ModuleTree a {@code .pt} gives.
 */
public final class ConvertedModel {
    static final String MODEL_ENTRY = "yolocam-model.json";
    static final String TENSORS_ENTRY = "tensors.bin";
    static final int FORMAT_VERSION = 1;
    private static final long MAX_JSON_BYTES = 64L << 20;
    private static final long MAX_TENSOR_BYTES = 2L << 30;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private ConvertedModel() {
    }

    /** True when the file is a zip holding a converted model (cheap: reads the zip directory only). */
    public static boolean isConvertedModel(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(MODEL_ENTRY) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Writes the model's tree to {@code target} (the caller makes the write atomic). */
    public static void write(ModelDescription model, OutputStream target) throws IOException {
        ModuleTreeCodec codec = new ModuleTreeCodec();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", "yolocam-model");
        document.put("version", FORMAT_VERSION);
        document.put("source", model.source() == null ? null : model.source().getFileName().toString());
        document.put("root", codec.encode(model.root()));
        document.put("tensors", codec.tensorTable());
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            zip.putNextEntry(new ZipEntry(MODEL_ENTRY));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            zip.closeEntry();
            // Stored, not deflated: random-looking float bits hardly compress, and reading stays a plain copy.
            byte[] blob = codec.blob();
            ZipEntry tensors = new ZipEntry(TENSORS_ENTRY);
            tensors.setMethod(ZipEntry.STORED);
            tensors.setSize(blob.length);
            tensors.setCompressedSize(blob.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(blob);
            tensors.setCrc(crc.getValue());
            zip.putNextEntry(tensors);
            zip.write(blob);
            zip.closeEntry();
        }
    }

    public static YoloModel read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<?, ?> document = JSON.readValue(entry(zip, MODEL_ENTRY, MAX_JSON_BYTES, file), Map.class);
            if (!"yolocam-model".equals(document.get("format"))
                    || !(document.get("version") instanceof Number v) || v.intValue() != FORMAT_VERSION) {
                throw new CheckpointException(file, "not a yolocam converted model of format version "
                        + FORMAT_VERSION + " (convert the .pt again)");
            }
            byte[] blob = entry(zip, TENSORS_ENTRY, MAX_TENSOR_BYTES, file);
            List<TensorData> tensors = new ArrayList<>();
            List<?> table = (List<?>) document.get("tensors");
            for (int i = 0; i < table.size(); i++) {
                tensors.add(ModuleTreeCodec.tensorFrom((Map<?, ?>) table.get(i), blob, "t" + i));
            }
            ModuleNode root = new ModuleTreeCodec.Decoder(tensors).decode((Map<?, ?>) document.get("root"));
            return new YoloModel(ModelFailures.guard(file, "describe the model",
                    () -> ModelDescription.of(root, file)));
        } catch (YolocamException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file, "corrupt converted model: " + SafeText.oneLine(describe(e)), e);
        }
    }

    /** Jackson appends the input location on a second line; its original message is the one-line reason. */
    private static String describe(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static byte[] entry(ZipFile zip, String name, long limit, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new CheckpointException(file, "corrupt converted model: no " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw new CheckpointException(file, name + " is larger than " + limit + " bytes");
            }
            return bytes;
        }
    }

}
