package dev.yolocam.head;

/**
 * An Ultralytics 8.x Detect output for one image as a {@link PredictionTable}: {@code (4 + classes) x rows} floats,
 * channels first from {@code offset} in {@code raw}: field {@code f} of row {@code r} at {@code f * rows + r}, the
 * fields {@code x, y, w, h} (input pixels) and one sigmoid per class. No objectness. Raw indices count from
 * {@code offset}.
 */
public record UltralyticsPredictions(float[] raw, int offset, int rows, int classes) implements PredictionTable {
    private static final int FIRST_CLASS = 4;

    public UltralyticsPredictions {
        if (classes <= 0 || offset < 0 || rows < 0
                || offset + (long) rows * (FIRST_CLASS + classes) > raw.length) {
            throw new IllegalArgumentException(rows + " rows of 4 + " + classes + " classes at offset " + offset
                    + " do not fit " + raw.length + " values");
        }
    }

    @Override
    public boolean hasObjectness() {
        return false;
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
        int channel = switch (field.kind()) {
            case X -> 0;
            case Y -> 1;
            case W -> 2;
            case H -> 3;
            case OBJECTNESS -> throw new IllegalArgumentException("a YOLOv8/YOLO11 prediction has no objectness");
            case CLASS -> FIRST_CLASS + field.classId();
        };
        if (channel >= FIRST_CLASS + classes) {
            throw new IndexOutOfBoundsException("class " + field.classId() + " of " + classes);
        }
        return channel * rows + row;
    }

    @Override
    public int rawLength() {
        return rows * (FIRST_CLASS + classes);
    }
}
