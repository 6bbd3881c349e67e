package dev.yolocam.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopFilesTest {
    private final HadoopFiles files = new HadoopFiles(new Configuration());

    @TempDir
    Path dir;

    @Test
    void writeCreatesTheFoldersAndLeavesOnlyTheFile() throws IOException {
        Path target = dir.resolve("maps/a/b.npy");
        files.write("file:" + target, bytes("first"));
        assertEquals("first", Files.readString(target));
        assertEquals(List.of(target), everyFile());
    }

    @Test
    void writeReplacesAnEarlierFileOfTheSameName() throws IOException {
        Path target = dir.resolve("report.html");
        files.write(target.toString(), bytes("from a failed attempt"));
        files.write(target.toString(), bytes("retried"));
        assertEquals("retried", Files.readString(target));
        assertEquals(List.of(target), everyFile());
    }

    @Test
    void writeIntoAFileInsteadOfAFolderIsOneClearError() throws IOException {
        Files.writeString(dir.resolve("out"), "a file");
        String location = dir.resolve("out/report.html").toString();
        YolocamException e = assertThrows(YolocamException.class, () -> files.write(location, bytes("x")));
        assertTrue(e.getMessage().startsWith("yolocam: " + location + ": cannot write: "), e.getMessage());
    }

    @Test
    void readReturnsTheBytesOrNullForAMissingFile() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "0 0.5 0.5 0.1 0.1\n");
        assertArrayEquals(bytes("0 0.5 0.5 0.1 0.1\n"), files.read("file:" + dir.resolve("a.txt")));
        assertTrue(files.isFile(dir.resolve("a.txt").toString()));
        assertFalse(files.isDirectory(dir.resolve("a.txt").toString()));
        assertTrue(files.isDirectory(dir.toString()));
        assertNull(files.read(dir.resolve("absent.txt").toString()));
        assertFalse(files.isFile(dir.resolve("absent.txt").toString()));
        assertFalse(files.isDirectory(dir.resolve("absent.txt").toString()));
    }

    @Test
    void listingFindsEveryFileBelowAFolderNamedAsTheFolderWasGiven() throws IOException {
        Files.createDirectories(dir.resolve("images/b"));
        Files.writeString(dir.resolve("images/b/2.png"), "x");
        Files.writeString(dir.resolve("images/1 a.png"), "x");
        assertEquals(List.of(dir + "/images/1 a.png", dir + "/images/b/2.png"),
                files.listRecursively(dir.resolve("images").toString()));
        assertEquals(List.of("file:" + dir + "/images/1 a.png", "file:" + dir + "/images/b/2.png"),
                files.listRecursively("file:" + dir.resolve("images") + "/"));
    }

    @Test
    void listingAMissingFolderIsOneClearError() {
        String missing = dir.resolve("nothing here").toString();
        YolocamException e = assertThrows(YolocamException.class, () -> files.listRecursively(missing));
        assertTrue(e.getMessage().startsWith("yolocam: " + missing + ": cannot list: "), e.getMessage());
    }

    @Test
    void aLocalPathOrFileUriIsUsedWhereItIs() throws IOException {
        Path image = dir.resolve("img 1.png");
        assertEquals(image, files.localFile(image.toString()));
        // Hadoop locations are not percent-encoded URIs: a space stays a space.
        assertEquals(image, files.localFile("file://" + image));
    }

    @Test
    void copyToLocalCopiesTheBytes() throws IOException {
        Files.writeString(dir.resolve("w.pt"), "weights");
        Path copy = dir.resolve("copy.pt");
        files.copyToLocal("file:" + dir.resolve("w.pt"), copy);
        assertEquals("weights", Files.readString(copy));
    }

    @Test
    void theConfigurationTravelsAsItsEntries() throws Exception {
        Configuration conf = new Configuration(false);
        conf.set("fs.s3a.endpoint", "http://127.0.0.1:9000");
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(buffer)) {
            out.writeObject(new HadoopConf(conf));
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(buffer.toByteArray()))) {
            HadoopConf travelled = (HadoopConf) in.readObject();
            assertEquals("http://127.0.0.1:9000", travelled.get().get("fs.s3a.endpoint"));
        }
    }

    private List<Path> everyFile() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
