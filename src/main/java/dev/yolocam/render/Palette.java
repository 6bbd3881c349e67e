package dev.yolocam.render;

import java.awt.Color;

/** YOLOv5's 20 box colours ({@code utils.plots.Colors}), indexed by class id. */
public final class Palette {
    private static final String[] HEX = {"FF3838", "FF9D97", "FF701F", "FFB21D", "CFD231", "48F90A", "92CC17",
        "3DDB86", "1A9334", "00D4BB", "2C99A8", "00C2FF", "344593", "6473FF", "0018EC", "8438FF", "520085",
        "CB38FF", "FF95C8", "FF37C7"};

    private Palette() {
    }

    public static Color forClass(int classId) {
        return new Color(Integer.parseInt(HEX[Math.floorMod(classId, HEX.length)], 16));
    }
}
