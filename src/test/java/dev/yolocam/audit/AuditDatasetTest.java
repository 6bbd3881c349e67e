package dev.yolocam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which images --data names, in which order, under which keys, with which label files. */
class AuditDatasetTest {
    @TempDir
    Path tmp;

    private final AuditDataset dataset = new AuditDataset(new LocalDatasetFiles());

    private Path touch(String relative) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        return file;
    }

    private List<String> keys(List<AuditImage> images) {
        return images.stream().map(AuditImage::key).toList();
    }

    @Test
    void aFolderInYolov5sLayoutGivesTheImagesUnderImagesWithTheirMirroredLabels() throws IOException {
        touch("set/images/b.png");
        touch("set/images/a.jpg");
        touch("set/images/sub/c.png");
        touch("set/images/notes.md");
        touch("set/labels/a.txt");
        touch("set/labels/sub/c.txt");

        List<AuditImage> images = dataset.resolve(tmp.resolve("set").toString());

        assertEquals(List.of("a.jpg", "b.png", "sub/c.png"), keys(images));
        assertEquals(tmp.resolve("set/labels/a.txt").toString(), images.get(0).label());
        assertNull(images.get(1).label(), "b has no label file");
        assertEquals(tmp.resolve("set/labels/sub/c.txt").toString(), images.get(2).label());
    }

    @Test
    void labelsBesideTheImagesAreFound() throws IOException {
        touch("flat/x.png");
        touch("flat/x.txt");
        List<AuditImage> images = dataset.resolve(tmp.resolve("flat").toString());
        assertEquals(List.of("x.png"), keys(images));
        assertEquals(tmp.resolve("flat/x.txt").toString(), images.get(0).label());
    }

    @Test
    void aDataYamlNamesItsValFolderRelativeToItsPathRelativeToTheYaml() throws IOException {
        touch("root/images/val/a.png");
        touch("root/images/train/t.png");
        touch("root/labels/val/a.txt");
        Files.writeString(tmp.resolve("root/data.yaml"), "path: .\ntrain: images/train\nval: images/val\nnames: [a]\n");

        List<AuditImage> images = dataset.resolve(tmp.resolve("root/data.yaml").toString());

        assertEquals(List.of("a.png"), keys(images));
        assertEquals(tmp.resolve("root/labels/val/a.txt").toString(), images.get(0).label());
    }

    @Test
    void aDataYamlMayListImagesInATextFileOrSeveralEntries() throws IOException {
        touch("d/images/one/a.png");
        touch("d/images/two/b.png");
        Files.writeString(tmp.resolve("d/val.txt"), "./images/one/a.png\n\nimages/two/b.png\n");
        Files.writeString(tmp.resolve("d/list.yaml"), "path: .\nval: val.txt\n");
        Files.writeString(tmp.resolve("d/many.yaml"), "path: .\nval: [images/one, images/two]\n");

        assertEquals(List.of("images/one/a.png", "images/two/b.png"),
                keys(dataset.resolve(tmp.resolve("d/list.yaml").toString())));
        assertEquals(List.of("images/one/a.png", "images/two/b.png"),
                keys(dataset.resolve(tmp.resolve("d/many.yaml").toString())));
    }

    @Test
    void badDataIsOneLineNamingIt() throws IOException {
        touch("empty/readme.md");
        Files.writeString(tmp.resolve("noval.yaml"), "path: .\ntrain: x\n");
        Files.writeString(tmp.resolve("bad.yaml"), "val: [unclosed\n");
        for (String data : List.of(tmp.resolve("empty").toString(), tmp.resolve("noval.yaml").toString(),
                tmp.resolve("bad.yaml").toString(), tmp.resolve("absent").toString())) {
            YolocamException e = assertThrows(YolocamException.class, () -> dataset.resolve(data), data);
            assertTrue(e.getMessage().startsWith("yolocam: ") && e.getMessage().contains(Path.of(data).getFileName()
                    .toString()) && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void locationsJoinAndRelativiseLocalPathsAndUris() {
        assertEquals("/a/c", Locations.join("/a/b", "../c"));
        assertEquals("/x", Locations.join("/a/b", "/x"));
        assertEquals("hdfs://nn:8020/data/images", Locations.join("hdfs://nn:8020/data/", "./images"));
        assertEquals("hdfs://nn:8020/data", Locations.parent("hdfs://nn:8020/data/y.yaml"));
        assertEquals("s/a.png", Locations.relative("hdfs://nn/data/images", "hdfs://nn/data/images/s/a.png"));
        assertEquals("rel/a", Locations.normalize("rel/./x/../a"));
        assertEquals("a.png", Locations.name("file:/d/a.png"));
    }
}
