package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.testing.Oracle;
import org.junit.jupiter.api.Test;

/**
 * --device up to the device boundary: this build carries the CPU backend, so cuda is refused with a message that
 * says how to get it, and cpu works. (The CUDA backend itself cannot run on these machines.)
 */
class DeviceOptionTest {
    private static String model() {
        return Oracle.testdata().resolve("default/shapes-yolov5n.pt").toString();
    }

    @Test
    void cudaWithoutTheCudaBackendIsAUsageErrorNamingTheBuildFlag() {
        assertTrue(!Device.isOnClasspath(Device.CUDA_BACKEND), "this test runs on the CPU build");
        Cli.Result r = Cli.run("layers", "--weights", model(), "--device", "cuda");
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("-Pcuda"), r.err());
    }

    @Test
    void cpuRunsAndUnknownDevicesAreRefused() {
        assertEquals(0, Cli.run("layers", "--weights", model(), "--device", "cpu", "--imgsz", "64").exitCode());
        Cli.Result r = Cli.run("layers", "--weights", model(), "--device", "tpu");
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("tpu"), r.err());
    }
}
