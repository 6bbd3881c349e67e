package dev.yolocam.cli;

import dev.yolocam.errors.UsageException;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks {@code --device} against the ND4J backend on the classpath. ND4J picks its backend from the classpath, so
 * "cuda" means "this build carries nd4j-cuda" ({@code mvn -Pcuda package}); the check stops at that boundary.
 */
final class Device {
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    private Device() {
    }

    static void require(String device) {
        String wanted = device.toLowerCase(Locale.ROOT);
        boolean cudaOnClasspath = isOnClasspath(CUDA_BACKEND);
        switch (wanted) {
            case "cpu" -> {
                if (cudaOnClasspath) {
                    throw new UsageException("--device cpu: this build carries the CUDA backend; rebuild without "
                            + "-Pcuda to run on the CPU");
                }
            }
            case "cuda", "gpu", "0" -> {
                if (!cudaOnClasspath) {
                    throw new UsageException("--device cuda: the CUDA backend is not on the classpath; build with "
                            + "'mvn -Pcuda package' (needs CUDA 11.6 and cuDNN 8.3)");
                }
            }
            default -> throw new UsageException("--device must be cpu or cuda, got '" + device + "'");
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
