package dev.yolocam.head;

/**
 * YOLOv5's Detect output for one image as a {@link PredictionTable}: {@code rows x (5 + classes)} floats, row-major
 * from {@code offset} in {@code raw} (one image of a batch), each row {@code x, y, w, h, objectness, class
 * probabilities...} after the sigmoid, boxes in input pixels. Raw indices count from {@code offset}.
 */
public record Yolov5Predictions(float[] raw, int offset, int rows, int columns) implements PredictionTable {
    private static final int FIRST_CLASS = 5;

    public Yolov5Predictions {
        if (columns <= FIRST_CLASS || offset < 0 || rows < 0 || offset + (long) rows * columns > raw.length) {
            throw new IllegalArgumentException(rows + " rows of " + columns + " columns at offset " + offset
                    + " do not fit " + raw.length + " values (a row is x, y, w, h, obj and at least one class)");
        }
    }

    /** The whole of {@code raw}: one image's {@code raw.length / columns} rows. */
    public Yolov5Predictions(float[] raw, int rows, int columns) {
        this(raw, 0, rows, columns);
    }

    @Override
    public int classes() {
        return columns - FIRST_CLASS;
    }

    @Override
    public boolean hasObjectness() {
        return true;
    }

    @Override
    public float get(int row, PredictionField field) {
        return raw[offset + rawIndex(row, field)];
    }

    @Override
    public int rawIndex(int row, PredictionField field) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        int column = switch (field.kind()) {
            case X -> 0;
            case Y -> 1;
            case W -> 2;
            case H -> 3;
            case OBJECTNESS -> 4;
            case CLASS -> FIRST_CLASS + field.classId();
        };
        if (column >= columns) {
            throw new IndexOutOfBoundsException("class " + field.classId() + " of " + classes());
        }
        return row * columns + column;
    }

    @Override
    public int rawLength() {
        return rows * columns;
    }
}
