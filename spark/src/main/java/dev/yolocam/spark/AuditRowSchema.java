package dev.yolocam.spark;

import dev.yolocam.audit.AuditRow;
import dev.yolocam.audit.Outcome;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@link AuditRow} as a Spark {@link Row} and back: one nullable column per field, named as the keys of the local
 * engine's JSON lines, so that the Parquet rows of a Spark audit read like the local rows.
 */
public final class AuditRowSchema {
    public static final StructType SCHEMA = new StructType(new StructField[] {
        column("image", DataTypes.StringType),
        column("index", DataTypes.IntegerType),
        column("outcome", DataTypes.StringType),
        column("kept", DataTypes.BooleanType),
        column("class_id", DataTypes.IntegerType),
        column("class_name", DataTypes.StringType),
        column("confidence", DataTypes.DoubleType),
        column("x1", DataTypes.DoubleType),
        column("y1", DataTypes.DoubleType),
        column("x2", DataTypes.DoubleType),
        column("y2", DataTypes.DoubleType),
        column("label_x1", DataTypes.DoubleType),
        column("label_y1", DataTypes.DoubleType),
        column("label_x2", DataTypes.DoubleType),
        column("label_y2", DataTypes.DoubleType),
        column("iou", DataTypes.DoubleType),
        column("miss_reason", DataTypes.StringType),
        column("miss_by", DataTypes.IntegerType),
        column("own_box_mass", DataTypes.DoubleType),
        column("other_box_mass", DataTypes.DoubleType),
        column("pointing_hit", DataTypes.BooleanType),
        column("pointing_energy", DataTypes.DoubleType),
        column("map", DataTypes.StringType),
        column("thumbnail", DataTypes.StringType),
        column("error", DataTypes.StringType),
        column("image_width", DataTypes.IntegerType),
        column("image_height", DataTypes.IntegerType),
    });

    private AuditRowSchema() {
    }

    private static StructField column(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    public static Row toRow(AuditRow r) {
        return new GenericRowWithSchema(new Object[] {r.image(), r.index(), r.outcome().key(), r.kept(), r.classId(),
                r.className(), r.confidence(), r.x1(), r.y1(), r.x2(), r.y2(),
                r.labelX1(), r.labelY1(), r.labelX2(), r.labelY2(), r.iou(),
                r.missReason(), r.missBy(), r.ownBoxMass(), r.otherBoxMass(), r.pointingHit(), r.pointingEnergy(),
                r.map(), r.thumbnail(), r.error(), r.imageWidth(), r.imageHeight()}, SCHEMA);
    }

    /** Reads a row by column name, so that a Parquet file whose columns come in another order reads the same. */
    public static AuditRow fromRow(Row row) {
        return new AuditRow(string(row, "image"), row.<Integer>getAs("index"), Outcome.ofKey(string(row, "outcome")),
                row.<Boolean>getAs("kept"), row.getAs("class_id"), string(row, "class_name"),
                number(row, "confidence"), number(row, "x1"), number(row, "y1"), number(row, "x2"), number(row, "y2"),
                number(row, "label_x1"), number(row, "label_y1"), number(row, "label_x2"), number(row, "label_y2"),
                number(row, "iou"), string(row, "miss_reason"), row.getAs("miss_by"),
                number(row, "own_box_mass"), number(row, "other_box_mass"), row.getAs("pointing_hit"),
                number(row, "pointing_energy"), string(row, "map"), string(row, "thumbnail"), string(row, "error"),
                row.<Integer>getAs("image_width"), row.<Integer>getAs("image_height"));
    }

    private static String string(Row row, String column) {
        return row.getAs(column);
    }

    private static Double number(Row row, String column) {
        return row.getAs(column);
    }
}
