package dev.yolocam.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Layout of {@link Panels}: sizes, where each picture lands, white space, captions. */
class PanelsTest {
    private static final int WHITE = 0xFFFFFF;

    @Test
    void sideBySideKeepsSizesAlignsTopsAndLeavesWhiteGaps() {
        BufferedImage red = solid(30, 20, 0xFF0000);
        BufferedImage green = solid(10, 45, 0x00FF00);
        BufferedImage blue = solid(25, 5, 0x0000FF);
        BufferedImage out = Panels.sideBySide(List.of(red, green, blue), 4);
        assertEquals(30 + 4 + 10 + 4 + 25, out.getWidth());
        assertEquals(45, out.getHeight());
        assertEquals(0xFF0000, rgb(out, 0, 0));
        assertEquals(0xFF0000, rgb(out, 29, 19));
        assertEquals(WHITE, rgb(out, 29, 20), "below the shorter image");
        assertEquals(WHITE, rgb(out, 31, 0), "gap");
        assertEquals(0x00FF00, rgb(out, 34, 44));
        assertEquals(0x0000FF, rgb(out, 48, 0));
        assertEquals(WHITE, rgb(out, 48, 5));
    }

    @Test
    void sideBySideRejectsNothingAndNegativeGaps() {
        assertThrows(IllegalArgumentException.class, () -> Panels.sideBySide(List.of(), 2));
        assertThrows(IllegalArgumentException.class, () -> Panels.sideBySide(List.of(solid(2, 2, 0)), -1));
    }

    @Test
    void captionAddsAStripWithTextBelowAnUntouchedImage() {
        BufferedImage image = solid(320, 100, 0x336699);
        BufferedImage out = Panels.captioned(image, "model.17.cv3.conv  Conv2d");
        assertEquals(320, out.getWidth());
        assertTrue(out.getHeight() > 100 + 10, "a readable strip");
        for (int y = 0; y < 100; y += 7) {
            for (int x = 0; x < 320; x += 7) {
                assertEquals(0x336699, rgb(out, x, y));
            }
        }
        assertTrue(darkPixels(out, 0, 100, 320, out.getHeight()) > 50, "text is drawn");
        assertEquals(100, Panels.captioned(image, "").getHeight(), "no caption, no strip");
    }

    @Test
    void extraCaptionLinesMakeTheStripTaller() {
        BufferedImage image = solid(200, 50, 0);
        assertTrue(Panels.captioned(image, "one\ntwo").getHeight() > Panels.captioned(image, "one").getHeight());
    }

    @Test
    void longCaptionsWrapAtSpacesAndEveryLineFits() {
        CaptionText text = CaptionText.forWidth(320);
        List<String> lines = text.layout("model.17.cv3.conv  Conv2d  1x128x40x40  gradcam  class 0", 320);
        assertTrue(lines.size() >= 2, lines.toString());
        assertEquals("model.17.cv3.conv Conv2d 1x128x40x40 gradcam class 0", String.join(" ", lines),
                "words stay whole and in order");
        for (String line : lines) {
            assertFalse(line.contains("\u2026"), line);
            assertEquals(List.of(line), text.layout(line, 320), "fits the strip");
        }
        assertEquals(List.of(), text.layout("  \n ", 320));
    }

    @Test
    void tooLongLinesKeepTheirStartAndEnd() {
        CaptionText text = CaptionText.forWidth(120);
        String path = "model.model.23.m.2.cv3.conv.weight.really.long.path.end";
        String fitted = text.fit(path, 100);
        assertTrue(fitted.contains("\u2026"), fitted);
        assertTrue(fitted.startsWith("mo") && fitted.endsWith("nd"), fitted);
        assertEquals("short", text.fit("short", 100));
    }

    @Test
    void gridOfSixInThreeColumnsHasTwoRowsAndTheDocumentedWidth() {
        List<BufferedImage> tiles = new ArrayList<>();
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF, 0xFF00FF};
        for (int colour : colours) {
            tiles.add(solid(640, 480, colour));
        }
        List<String> captions = List.of("a", "b", "c", "d", "e", "f");
        int tileWidth = 160;
        int margin = Panels.gridMargin(tileWidth);
        BufferedImage grid = Panels.grid(tiles, captions, 3, tileWidth);
        assertEquals(3 * tileWidth + 4 * margin, grid.getWidth());
        BufferedImage oneRow = Panels.grid(tiles.subList(0, 3), captions.subList(0, 3), 3, tileWidth);
        int rowPitch = oneRow.getHeight() - margin;
        assertEquals(margin + 2 * rowPitch, grid.getHeight(), "rows stack at a fixed pitch");
        int tileHeight = 120;
        for (int i = 0; i < 6; i++) {
            int x = margin + (i % 3) * (tileWidth + margin);
            int y = margin + (i / 3) * rowPitch;
            assertEquals(colours[i], rgb(grid, x + tileWidth / 2, y + tileHeight / 2), "tile " + i);
            assertEquals(colours[i], rgb(grid, x + 2, y + tileHeight - 3), "tile " + i + " corner");
            assertEquals(WHITE, rgb(grid, x - 1, y + tileHeight / 2), "margin left of tile " + i);
            assertTrue(darkPixels(grid, x, y + tileHeight, x + tileWidth, y + rowPitch - margin) > 0,
                    "caption under tile " + i);
        }
    }

    @Test
    void gridScalesEveryTileToTheTileWidthKeepingItsAspect() {
        BufferedImage wide = solid(400, 100, 0x112233);
        BufferedImage tall = solid(50, 200, 0x445566);
        int margin = Panels.gridMargin(100);
        BufferedImage grid = Panels.grid(List.of(wide, tall), List.of("", ""), 2, 100);
        assertEquals(margin + 400 + margin, grid.getHeight(), "the tall tile (100x400) sets the row height");
        int wideX = margin;
        int tallX = margin + 100 + margin;
        assertEquals(0x112233, rgb(grid, wideX + 50, margin + 12));
        assertEquals(WHITE, rgb(grid, wideX + 50, margin + 26), "wide tile is 25 high");
        assertEquals(0x445566, rgb(grid, tallX + 50, margin + 399));
    }

    @Property(tries = 40)
    void gridSizeFollowsTheLayoutRule(@ForAll @IntRange(min = 1, max = 9) int count,
            @ForAll @IntRange(min = 1, max = 5) int columns, @ForAll @IntRange(min = 20, max = 200) int tileWidth) {
        List<BufferedImage> tiles = Collections.nCopies(count, solid(80, 60, 0x808080));
        BufferedImage grid = Panels.grid(tiles, Collections.nCopies(count, ""), columns, tileWidth);
        int cols = Math.min(columns, count);
        int rows = (count + cols - 1) / cols;
        int margin = Panels.gridMargin(tileWidth);
        int tileHeight = (int) Math.round(60.0 * tileWidth / 80);
        assertEquals(cols * tileWidth + (cols + 1) * margin, grid.getWidth());
        assertEquals(margin + rows * (tileHeight + margin), grid.getHeight());
    }

    @Test
    void gridRejectsMismatchedCaptionsAndEmptyInput() {
        BufferedImage tile = solid(4, 4, 0);
        assertThrows(IllegalArgumentException.class, () -> Panels.grid(List.of(tile), List.of(), 2, 10));
        assertThrows(IllegalArgumentException.class, () -> Panels.grid(List.of(), List.of(), 2, 10));
        assertThrows(IllegalArgumentException.class, () -> Panels.grid(List.of(tile), List.of("x"), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Panels.grid(List.of(tile), List.of("x"), 1, 0));
    }

    private static BufferedImage solid(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private static int darkPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        int dark = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = rgb(image, x, y);
                if ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF) < 3 * 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
