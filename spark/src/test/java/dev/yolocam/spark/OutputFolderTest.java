package dev.yolocam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OutputFolderTest {
    @Test
    void childrenAreJoinedWithOneSlash() {
        assertEquals("hdfs://nn:8020/audits/a/maps/x.png/det0.png",
                OutputFolder.child("hdfs://nn:8020/audits/a/", "maps/x.png/det0.png"));
        assertEquals("/tmp/out local[2]/rows", OutputFolder.child("/tmp/out local[2]", "rows"));
    }
}
