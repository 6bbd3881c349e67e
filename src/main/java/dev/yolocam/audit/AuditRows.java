package dev.yolocam.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Comparator;

/**
 * Rows as JSON objects (one per line in {@code rows.jsonl}): snake_case keys as the Parquet columns, null fields
 * left out; and the order of an audit's rows.
 */
public final class AuditRows {
    /**
     * The order of an audit's rows, the same for every engine: by image key (the dataset's order), then an image's
     * detections by index (kept ones first, then those below --conf), its misses, its error.
     */
    public static final Comparator<AuditRow> ORDER = Comparator.comparing(AuditRow::image)
            .thenComparingInt(AuditRows::kind).thenComparingInt(AuditRow::index);

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private AuditRows() {
    }

    public static String toJson(AuditRow row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit row did not serialise", e);
        }
    }

    /** A row from one JSON object; throws {@link JsonProcessingException} for anything else. */
    public static AuditRow fromJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, AuditRow.class);
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    private static int kind(AuditRow row) {
        return switch (row.outcome()) {
            case TP, FP -> 0;
            case MISS -> 1;
            case ERROR -> 2;
        };
    }
}
