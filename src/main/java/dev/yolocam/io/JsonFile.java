package dev.yolocam.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;

/** The JSON files yolocam writes (detections, maps, benchmark results): one mapper, indented, written atomically. */
public final class JsonFile {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFile() {
    }

    /** Writes {@code document} (maps, lists, strings, numbers, booleans, null), complete or not at all. */
    public static void write(Path target, Object document) {
        AtomicFiles.write(target, out -> MAPPER.writeValue(out, document));
    }

    /** {@code document} as the UTF-8 bytes such a file holds, for a writer that is not a local path. */
    public static byte[] bytes(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
        }
    }
}
