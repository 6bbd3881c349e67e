package dev.yolocam.cam;

import dev.yolocam.cam.methods.AblationCam;
import dev.yolocam.cam.methods.DRise;
import dev.yolocam.cam.methods.EigenCam;
import dev.yolocam.cam.methods.EigenGradCam;
import dev.yolocam.cam.methods.Fem;
import dev.yolocam.cam.methods.FinerCam;
import dev.yolocam.cam.methods.FullGrad;
import dev.yolocam.cam.methods.GradCam;
import dev.yolocam.cam.methods.GradCamElementWise;
import dev.yolocam.cam.methods.GradCamPlusPlus;
import dev.yolocam.cam.methods.HiResCam;
import dev.yolocam.cam.methods.KpcaCam;
import dev.yolocam.cam.methods.LayerCam;
import dev.yolocam.cam.methods.Odam;
import dev.yolocam.cam.methods.RandomCam;
import dev.yolocam.cam.methods.RefineCam;
import dev.yolocam.cam.methods.ScoreCam;
import dev.yolocam.cam.methods.ShapleyCam;
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
            new FullGrad(),
            new Fem(),
            new ShapleyCam(),
            new RefineCam(),
            new FinerCam(),
            new Odam(),
            new DRise());

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

    /** The method {@code nameOrAlias} configured with {@code parameters} (unknown ones are refused). */
    public static Optional<CamMethod> find(String nameOrAlias, MethodParameters parameters) {
        return find(nameOrAlias).map(m -> m.withParameters(parameters));
    }

    /**
     * A method as the command line names it: {@code NAME} or {@code NAME:name=value,...}
     * ({@code KPCA-CAM:kernel=rbf,gamma=0.1}).
     */
    public static Optional<CamMethod> parse(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? find(spec.strip())
                : find(spec.substring(0, colon).strip(), MethodParameters.parse(spec.substring(colon + 1)));
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
