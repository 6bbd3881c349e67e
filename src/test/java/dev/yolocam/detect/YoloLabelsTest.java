package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YOLO label files: parsing into original-image pixels, malformed lines, and where they are found. */
class YoloLabelsTest {
    @TempDir
    Path temp;

    @Test
    void boxesAreCentreAndSizeFractionsOfTheOriginalImage() throws IOException {
        Path file = write("a.txt", "1 0.5 0.25 0.2 0.1\n\n  0 0.1 0.9 0.4 0.4  \n");
        List<LabelBox> boxes = YoloLabels.read(file, 200, 100);
        assertEquals(2, boxes.size(), "blank lines are skipped");
        assertBox(new LabelBox(1, 80, 20, 120, 30), boxes.get(0));
        assertBox(new LabelBox(0, 0, 70, 60, 100), boxes.get(1), "clipped to the image");
    }

    @Test
    void polygonLinesGiveTheirBoundingBox() throws IOException {
        Path file = write("seg.txt", "2 0.1 0.2 0.5 0.1 0.3 0.6 0.2 0.4\n");
        assertBox(new LabelBox(2, 10, 10, 50, 60), YoloLabels.read(file, 100, 100).get(0));
    }

    @Test
    void anEmptyFileHasNoBoxes() throws IOException {
        assertTrue(YoloLabels.read(write("empty.txt", ""), 10, 10).isEmpty());
    }

    @Test
    void malformedLinesAreOneLineErrorsNamingFileAndLine() throws IOException {
        assertProblem("1 0.5 0.5 0.2\n", "line 1: expected 'class x_center y_center width height'");
        assertProblem("0 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2 0.2 0.3\n", "line 2: expected");
        assertProblem("cat 0.5 0.5 0.2 0.2\n", "line 1: 'cat' is not a number");
        assertProblem("-1 0.5 0.5 0.2 0.2\n", "line 1: class '-1' is not a non-negative integer");
        assertProblem("1.5 0.5 0.5 0.2 0.2\n", "class '1.5' is not a non-negative integer");
        assertProblem("0 0.5 0.5 nan 0.2\n", "'nan' is not a number");
        assertProblem("0 120 80 30 30\n", "line 1: coordinate 120 is not normalised to [0, 1]");
    }

    @Test
    void anUnreadableFileIsAOneLineError() {
        YolocamException e = assertThrows(YolocamException.class,
                () -> YoloLabels.read(temp.resolve("missing.txt"), 10, 10));
        assertTrue(e.getMessage().startsWith("yolocam: " + temp.resolve("missing.txt") + ": cannot read label file"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void theLabelFileBesideTheImageIsFoundFirst() throws IOException {
        Path image = Files.createFile(temp.resolve("img.v1.png"));
        assertEquals(Optional.empty(), YoloLabels.find(image));
        Path label = write("img.v1.txt", "0 0.5 0.5 1 1\n");
        assertEquals(Optional.of(label), YoloLabels.find(image));
    }

    @Test
    void yolov5sImagesFolderMapsToItsLabelsFolder() throws IOException {
        Path images = Files.createDirectories(temp.resolve("data/images/train2017"));
        Path image = Files.createFile(images.resolve("000001.jpg"));
        assertEquals(Optional.empty(), YoloLabels.find(image));
        Path labels = Files.createDirectories(temp.resolve("data/labels/train2017"));
        Path label = Files.writeString(labels.resolve("000001.txt"), "3 0.5 0.5 0.5 0.5\n");
        assertEquals(Optional.of(label.toAbsolutePath().normalize()), YoloLabels.find(image));
        List<LabelBox> boxes = YoloLabels.forImage(image, 40, 20).orElseThrow();
        assertBox(new LabelBox(3, 10, 5, 30, 15), boxes.get(0));
    }

    @Test
    void theEmbeddedSampleImagesHaveTheirLabels() {
        Path image = dev.yolocam.testing.Oracle.testdata().resolve("default/images/test_0001.png");
        List<LabelBox> boxes = YoloLabels.forImage(image, 320, 320).orElseThrow();
        assertEquals(6, boxes.size());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    private void assertProblem(String text, String expected) throws IOException {
        Path file = write("bad.txt", text);
        YolocamException e = assertThrows(YolocamException.class, () -> YoloLabels.read(file, 100, 100));
        assertTrue(e.getMessage().startsWith("yolocam: " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    private static void assertBox(LabelBox expected, LabelBox actual) {
        assertBox(expected, actual, "");
    }

    private static void assertBox(LabelBox expected, LabelBox actual, String message) {
        assertEquals(expected.classId(), actual.classId(), message);
        assertEquals(expected.x1(), actual.x1(), 1e-9, message);
        assertEquals(expected.y1(), actual.y1(), 1e-9, message);
        assertEquals(expected.x2(), actual.x2(), 1e-9, message);
        assertEquals(expected.y2(), actual.y2(), 1e-9, message);
    }
}
