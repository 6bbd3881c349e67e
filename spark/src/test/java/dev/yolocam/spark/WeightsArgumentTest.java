package dev.yolocam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightsArgumentTest {
    @Test
    void theValueIsFoundInEveryFormPicocliAccepts() {
        assertEquals("hdfs://nn/w.pt", WeightsArgument.value(List.of("--data", "d", "--weights", "hdfs://nn/w.pt")));
        assertEquals("w.pt", WeightsArgument.value(List.of("-w", "w.pt", "--data", "d")));
        assertEquals("s3a://b/w=1.pt", WeightsArgument.value(List.of("--weights=s3a://b/w=1.pt")));
        assertEquals("w.pt", WeightsArgument.value(List.of("-w=w.pt")));
    }

    @Test
    void withoutWeightsThereIsNoValueAndNothingToReplace() {
        List<String> arguments = List.of("--data", "d", "--out", "o");
        assertNull(WeightsArgument.value(arguments));
        assertEquals(arguments, WeightsArgument.replaced(arguments, "/tmp/w.pt"));
    }

    @Test
    void replacingChangesOnlyTheValue() {
        assertEquals(List.of("--data", "d", "--weights", "/tmp/w.pt", "--out", "o"),
                WeightsArgument.replaced(List.of("--data", "d", "--weights", "hdfs://nn/w.pt", "--out", "o"),
                        "/tmp/w.pt"));
        assertEquals(List.of("--weights=/tmp/w.pt", "--conf", "0.3"),
                WeightsArgument.replaced(List.of("--weights=hdfs://nn/w.pt", "--conf", "0.3"), "/tmp/w.pt"));
        assertEquals(List.of("-w", "/tmp/w.pt"), WeightsArgument.replaced(List.of("-w", "w.pt"), "/tmp/w.pt"));
    }
}
