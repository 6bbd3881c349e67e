package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.KernelProjection;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.MethodParameters;
import dev.yolocam.cam.ModelAccess;
import dev.yolocam.errors.UsageException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * KPCA-CAM (Karmani et al. 2024; pytorch-grad-cam's {@code KPCA_CAM}): like EigenCAM, but the principal component
 * is a kernel principal component. Upstream calls {@code get_2d_projection_kernel(activations, kernel, gamma)},
 * which centres the pixels' channel vectors and returns scikit-learn's
 * {@code KernelPCA(n_components=1, kernel=kernel, gamma=gamma).fit_transform(X)}; its defaults are
 * {@code kernel='sigmoid'} ({@code tanh(gamma <x, y> + 1)}) and {@code gamma=None} (= 1 / number of channels),
 * which this class uses too. See {@link KernelProjection} for the exact steps and the sign convention
 * (largest-magnitude value positive, scikit-learn's {@code svd_flip}). Activations only; the target and
 * {@code eigenSmooth} are ignored.
 */
public final class KpcaCam implements CamMethod {
    private final KernelProjection.Kernel kernel;
    private final Double gamma;

    /** Upstream's defaults: sigmoid kernel, gamma = 1 / C. */
    public KpcaCam() {
        this(KernelProjection.Kernel.SIGMOID, null);
    }

    /** @param gamma the kernel coefficient, {@code null} for 1 / C */
    public KpcaCam(KernelProjection.Kernel kernel, Double gamma) {
        this.kernel = kernel;
        this.gamma = gamma;
    }

    /** {@code kernel=sigmoid|rbf}, {@code gamma=<number>} (default 1 / number of channels). */
    @Override
    public CamMethod withParameters(MethodParameters parameters) {
        parameters.requireOnly(name(), Set.of("kernel", "gamma"));
        String kernelName = parameters.text("kernel", kernel.name()).toUpperCase(Locale.ROOT);
        KernelProjection.Kernel chosen;
        try {
            chosen = KernelProjection.Kernel.valueOf(kernelName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name() + " parameter kernel must be sigmoid or rbf, got '"
                    + parameters.text("kernel", "") + "'");
        }
        Double chosenGamma = parameters.number(name(), "gamma", gamma);
        if (chosenGamma != null && chosenGamma <= 0) {
            throw new UsageException(name() + " parameter gamma must be positive, got " + chosenGamma);
        }
        return new KpcaCam(chosen, chosenGamma);
    }

    @Override
    public String name() {
        return "KPCA-CAM";
    }

    @Override
    public List<String> aliases() {
        return List.of("KPCACAM");
    }

    @Override
    public String summary() {
        return "first kernel principal component (sigmoid kernel) of the activations";
    }

    @Override
    public boolean usesGradients() {
        return false;
    }

    @Override
    public boolean usesTarget() {
        return false;
    }

    @Override
    public float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options) {
        return KernelProjection.project(tensors.activation(), tensors.channels(), tensors.height(), tensors.width(),
                kernel, gamma);
    }
}
