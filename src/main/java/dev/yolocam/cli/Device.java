package dev.yolocam.cli;

import dev.yolocam.errors.UsageException;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code --device}, checked against the ND4J backend on the classpath. ND4J picks its backend from the classpath, so
 * "cuda" means "this build carries nd4j-cuda" ({@code mvn -Pcuda package}); the check stops at that boundary.
 */
enum Device {
    CPU,
    CUDA;

    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** The names {@code --device} takes; YOLOv5's {@code gpu} and {@code 0} also mean cuda. */
    static final class Names extends Choice<Device> {
        Names() {
            super(() -> List.of(values()), Choice::lowerCase);
        }

        @Override
        List<String> aliases(Device device) {
            return device == CUDA ? List.of("gpu", "0") : List.of();
        }
    }

    /** Fails with a usage error when this build cannot run on this device. */
    void require() {
        boolean cudaOnClasspath = isOnClasspath(CUDA_BACKEND);
        if (this == CPU && cudaOnClasspath) {
            throw new UsageException("--device cpu: this build carries the CUDA backend; rebuild without -Pcuda to "
                    + "run on the CPU");
        }
        if (this == CUDA && !cudaOnClasspath) {
            throw new UsageException("--device cuda: the CUDA backend is not on the classpath; build with "
                    + "'mvn -Pcuda package' (needs CUDA 11.6 and cuDNN 8.3)");
        }
    }

    static String backendName() {
        return Nd4j.getBackend().getClass().getSimpleName();
    }

    static boolean isOnClasspath(String className) {
        try {
            Class.forName(className, false, Device.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
