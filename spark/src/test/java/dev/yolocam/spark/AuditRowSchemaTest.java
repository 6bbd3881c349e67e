package dev.yolocam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolocam.audit.AuditRow;
import dev.yolocam.audit.Outcome;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class AuditRowSchemaTest {
    private static final AuditRow TRUE_POSITIVE = new AuditRow("a/b.png", 3, Outcome.TP, true, 2, "triangle", 0.87,
            1.5, 2.5, 30.25, 40.125, 1.0, 2.0, 31.0, 41.0, 0.91, null, null, 0.62, 0.05, true, 0.58,
            "maps/a/b.png.3.npy", "thumbs/a/b.png.3.png", null, 640, 480);
    private static final AuditRow NMS_MISS = new AuditRow("c.jpg", 0, Outcome.MISS, true, 1, "square", 0.31,
            5.0, 6.0, 7.0, 8.0, 5.5, 6.5, 7.5, 8.5, 0.42, "nms", 4, 0.1, 0.7, false, 0.09,
            null, null, null, 100, 200);

    @Test
    void everyKindOfRowSurvivesTheRoundTrip() {
        for (AuditRow row : List.of(TRUE_POSITIVE, NMS_MISS, AuditRow.failed("d.png", "cannot read: not an image"))) {
            assertEquals(row, AuditRowSchema.fromRow(AuditRowSchema.toRow(row)));
        }
    }

    @Test
    void everyColumnIsNullableAndNamedAsTheJsonKeys() {
        List<String> names = Arrays.stream(AuditRowSchema.SCHEMA.fields()).map(StructField::name).toList();
        assertEquals(List.of("image", "index", "outcome", "kept", "class_id", "class_name", "confidence",
                "x1", "y1", "x2", "y2", "label_x1", "label_y1", "label_x2", "label_y2", "iou", "miss_reason", "miss_by",
                "own_box_mass", "other_box_mass", "pointing_hit", "pointing_energy", "map", "thumbnail", "error",
                "image_width", "image_height"), names);
        assertEquals(names.size(), AuditRow.class.getRecordComponents().length);
        Arrays.stream(AuditRowSchema.SCHEMA.fields()).forEach(f -> assertEquals(true, f.nullable(), f.name()));
    }

    @Test
    void aRowWithItsColumnsInAnotherOrderReadsTheSame() {
        Row row = AuditRowSchema.toRow(TRUE_POSITIVE);
        StructField[] reversed = AuditRowSchema.SCHEMA.fields().clone();
        java.util.Collections.reverse(Arrays.asList(reversed));
        Object[] values = new Object[reversed.length];
        for (int i = 0; i < reversed.length; i++) {
            values[i] = row.getAs(reversed[i].name());
        }
        Row shuffled = new GenericRowWithSchema(values, new org.apache.spark.sql.types.StructType(reversed));
        assertEquals(TRUE_POSITIVE, AuditRowSchema.fromRow(shuffled));
    }
}
