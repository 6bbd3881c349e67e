package dev.yolocam.io;

import static dev.yolocam.io.OneLineError.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SOURCE arguments as a user types them: globs of every shape, lists, and what is not a source. */
class SourcesTest {
    @TempDir
    Path temp;

    @BeforeEach
    void images() throws IOException {
        for (String name : List.of("a.png", "b.png", "notes.txt", "sub/d.png", "sub/deeper/e.jpg")) {
            Path file = temp.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {1});
        }
    }

    @Test
    void anAbsoluteGlobListsTheMatchingImagesOfItsFolder() {
        assertEquals(List.of(temp.resolve("a.png"), temp.resolve("b.png")),
                Sources.expand(List.of(temp + "/*.png")));
    }

    @Test
    void aRelativeGlobGivesPathsRelativeToTheWorkingDirectory() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path dir = Files.createTempDirectory(here.resolve("target"), "globs");
        try {
            Files.write(dir.resolve("x.png"), new byte[] {1});
            Path relative = here.relativize(dir);
            assertFalse(relative.toString().startsWith(".."), relative.toString());
            assertEquals(List.of(relative.resolve("x.png")), Sources.expand(List.of(relative + "/*.png")));
        } finally {
            deleteTree(dir);
        }
    }

    @Test
    void aGlobThroughParentFoldersMatchesLikeTheSamePathWritten() {
        Path relative = Path.of("").toAbsolutePath().relativize(temp);
        assertTrue(relative.startsWith(".."), relative.toString());
        assertEquals(List.of(relative.resolve("a.png"), relative.resolve("b.png")),
                Sources.expand(List.of(relative + "/*.png")));
        assertEquals(List.of(temp.resolve("sub/../a.png"), temp.resolve("sub/../b.png")),
                Sources.expand(List.of(temp + "/sub/../*.png")));
    }

    @Test
    void doubleStarMatchesAnyNumberOfFoldersIncludingNone() {
        assertEquals(List.of(temp.resolve("a.png"), temp.resolve("b.png"), temp.resolve("sub/d.png")),
                Sources.expand(List.of(temp + "/**/*.png")));
        assertEquals(List.of(temp.resolve("sub/deeper/e.jpg")), Sources.expand(List.of(temp + "/**/e.jpg")));
    }

    @Test
    void wildcardsInFolderNamesAndCharacterClassesWork() {
        assertEquals(List.of(temp.resolve("sub/d.png")), Sources.expand(List.of(temp + "/s?b/*.png")));
        assertEquals(List.of(temp.resolve("b.png")), Sources.expand(List.of(temp + "/[!a].png")));
        assertEquals(List.of(temp.resolve("a.png")), Sources.expand(List.of(temp + "/[a].png")));
    }

    @Test
    void aGlobMatchingNothingIsOneLineNamingThePattern() {
        YolocamException e = assertThrows(YolocamException.class,
                () -> Sources.expand(List.of(temp + "/nothing/*.png")));
        assertOneLine(e, "nothing/*.png", "no images match");
    }

    @Test
    void aYoloLabelFileIsRecognisedAndNotReadAsAList() throws IOException {
        Path labels = Files.writeString(temp.resolve("img_0001.txt"), "0 0.5 0.5 0.2 0.3\n1 0.25 0.75 0.1 0.1\n");
        YolocamException e = assertThrows(YolocamException.class, () -> Sources.expand(List.of(labels.toString())));
        assertOneLine(e, "img_0001.txt", "YOLO label file");
    }

    @Test
    void aListWithEntriesThatDoNotExistNamesTheListAndTheFirstMissingEntry() throws IOException {
        Path list = Files.writeString(temp.resolve("list.txt"), "a.png\nmissing1.png\nb.png\nmissing2.png\n");
        YolocamException e = assertThrows(YolocamException.class, () -> Sources.expand(List.of(list.toString())));
        assertOneLine(e, "list.txt", "missing1.png");
        assertFalse(e.getMessage().contains("missing2.png"), e.getMessage());
    }

    @Test
    void aListNamesImagesRelativeToItsOwnFolder() throws IOException {
        Path list = Files.writeString(temp.resolve("list.txt"), "# two images\na.png\n\nsub/d.png\n");
        assertEquals(List.of(temp.resolve("a.png"), temp.resolve("sub/d.png")),
                Sources.expand(List.of(list.toString())));
    }

    @Test
    void otherUrlSchemesAreNotReadAndSaySo() {
        for (String url : List.of("rtsp://camera.local/stream", "ftp://host/x.jpg")) {
            YolocamException e = assertThrows(YolocamException.class, () -> Sources.expand(List.of(url)));
            assertOneLine(e, url, "not read");
        }
    }


    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
