package dev.yolocam.cam;

import dev.yolocam.cam.methods.AblationCam;
import dev.yolocam.cam.methods.EigenCam;
import dev.yolocam.cam.methods.EigenGradCam;
import dev.yolocam.cam.methods.FullGrad;
import dev.yolocam.cam.methods.GradCam;
import dev.yolocam.cam.methods.GradCamElementWise;
import dev.yolocam.cam.methods.GradCamPlusPlus;
import dev.yolocam.cam.methods.HiResCam;
import dev.yolocam.cam.methods.KpcaCam;
import dev.yolocam.cam.methods.LayerCam;
import dev.yolocam.cam.methods.RandomCam;
import dev.yolocam.cam.methods.ScoreCam;
import dev.yolocam.cam.methods.XGradCam;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of CAM methods. Names and aliases match case-insensitively, ignoring {@code -} and {@code _}
 * ({@code gradcam++}, {@code Grad-CAM++} and {@code GradCAMPlusPlus} are one method).
 */
public final class CamMethods {
    private static final List<CamMethod> ALL = List.of(
            new GradCam(),
            new HiResCam(),
            new GradCamElementWise(),
            new GradCamPlusPlus(),
            new XGradCam(),
            new LayerCam(),
            new EigenCam(),
            new EigenGradCam(),
            new ScoreCam(),
            new AblationCam(),
            new RandomCam(),
            new KpcaCam(),
            new FullGrad());

    private CamMethods() {
    }

    /** Every registered method, in the order {@code --method list} shows them. */
    public static List<CamMethod> all() {
        return ALL;
    }

    /** The method whose name or alias matches {@code nameOrAlias}. */
    public static Optional<CamMethod> find(String nameOrAlias) {
        String key = normalise(nameOrAlias);
        return ALL.stream()
                .filter(m -> normalise(m.name()).equals(key)
                        || m.aliases().stream().anyMatch(alias -> normalise(alias).equals(key)))
                .findFirst();
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
