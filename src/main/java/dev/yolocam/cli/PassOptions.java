package dev.yolocam.cli;

import dev.yolocam.errors.UsageException;
import picocli.CommandLine.Option;

/** --images-per-pass: how many images of one input shape share a forward (and backward) pass. */
public final class PassOptions {
    static final int MAX = 64;

    @Option(names = "--images-per-pass", paramLabel = "N", defaultValue = "4",
            description = "Images of one input shape that go through the network together: faster per image, "
                    + "N times the activation memory; 1 = one image per pass. Default: ${DEFAULT-VALUE}.")
    int imagesPerPass;

    int imagesPerPass() {
        if (imagesPerPass < 1 || imagesPerPass > MAX) {
            throw new UsageException("--images-per-pass must be between 1 and " + MAX + ", got " + imagesPerPass);
        }
        return imagesPerPass;
    }
}
