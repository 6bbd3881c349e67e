package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The method registry: names, aliases, lookup rules, and what each method says it needs. */
class CamMethodsTest {

    @Test
    void registersEveryMethod() {
        List<String> names = CamMethods.all().stream().map(CamMethod::name).toList();
        assertEquals(List.of("GradCAM", "HiResCAM", "GradCAMElementWise", "GradCAMPlusPlus", "XGradCAM", "LayerCAM",
                "EigenCAM", "EigenGradCAM", "ScoreCAM", "AblationCAM", "RandomCAM", "KPCA-CAM", "FullGrad", "FEM",
                "ShapleyCAM", "RefineCAM", "FinerCAM", "ODAM", "D-RISE"), names);
        assertEquals("FullGrad", CamMethods.find("full-grad").orElseThrow().name());
    }

    @Test
    void findsNamesAndAliasesIgnoringCaseDashesAndUnderscores() {
        assertEquals("GradCAMPlusPlus", CamMethods.find("gradcam++").orElseThrow().name());
        assertEquals("GradCAMPlusPlus", CamMethods.find("Grad-CAM++").orElseThrow().name());
        assertEquals("GradCAMPlusPlus", CamMethods.find("GRADCAMPP").orElseThrow().name());
        assertEquals("KPCA-CAM", CamMethods.find("KPCA_CAM").orElseThrow().name());
        assertEquals("KPCA-CAM", CamMethods.find("kpcacam").orElseThrow().name());
        assertEquals("EigenCAM", CamMethods.find("eigen-cam").orElseThrow().name());
        assertEquals("GradCAMElementWise", CamMethods.find("grad_cam_element_wise").orElseThrow().name());
        assertTrue(CamMethods.find("NoSuchCAM").isEmpty());
    }

    @Test
    void noTwoMethodsShareANormalisedNameOrAlias() {
        Set<String> seen = new HashSet<>();
        for (CamMethod m : CamMethods.all()) {
            Set<String> keys = new HashSet<>();
            keys.add(CamMethods.normalise(m.name()));
            m.aliases().forEach(alias -> keys.add(CamMethods.normalise(alias)));
            for (String key : keys) {
                assertTrue(seen.add(key), key + " is claimed by two methods");
                assertEquals(m, CamMethods.find(key).orElseThrow());
            }
            assertTrue(!m.summary().isBlank(), m.name());
        }
    }

    @Test
    void onlyGradientMethodsAskForABackwardPass() {
        Set<String> gradient = Set.of("GradCAM", "HiResCAM", "GradCAMElementWise", "GradCAMPlusPlus", "XGradCAM",
                "LayerCAM", "EigenGradCAM", "FullGrad", "ShapleyCAM", "RefineCAM", "FinerCAM", "ODAM");
        for (CamMethod m : CamMethods.all()) {
            assertEquals(gradient.contains(m.name()), m.usesGradients(), m.name());
        }
    }

    @Test
    void onlyTheInstanceMethodsExplainEachDetectionUnlessToldOtherwise() {
        for (CamMethod m : CamMethods.all()) {
            assertEquals(m.name().equals("ODAM") || m.name().equals("D-RISE"), m.perDetectionByDefault(), m.name());
            assertEquals(m.perDetectionByDefault(), CamRequest.of(m, List.of("model.23")).perDetection(), m.name());
        }
        CamMethod odam = CamMethods.find("odam").orElseThrow();
        assertTrue(!CamRequest.builder(odam, List.of("model.23")).perDetection(false).build().perDetection());
    }

    @Test
    void odamPerLayerIsGradientTimesActivationSummedOverChannels() {
        float[] activation = {1, 2, -1, 3, 0.5f, -2, 4, 1};
        float[] gradient = {2, -1, 0.5f, 1, -3, 1, 0.25f, 2};
        // 2 channels of 2 x 2: pixel p is a[p] g[p] + a[4 + p] g[4 + p].
        float[] expected = {2 - 1.5f, -2 - 2, -0.5f + 1, 3 + 2};
        float[] map = CamMethods.find("ODAM").orElseThrow().layerMap(new LayerTensors("layer", 2, 2, 2, activation,
                gradient), false, null, CamOptions.defaults());
        assertTrue(java.util.Arrays.equals(expected, map), java.util.Arrays.toString(map));
    }

    /**
     * The target reaches a layer method through the gradient and through the model's scores: a method that says it
     * ignores the target gives the same map when both change, every other method a different one.
     */
    @Test
    void exactlyTheMethodsThatSayTheyIgnoreTheTargetGiveTheSameMapForAnotherTarget() {
        int c = 4;
        int h = 3;
        int w = 5;
        float[] activation = new float[c * h * w];
        float[] gradient = new float[activation.length];
        float[] otherGradient = new float[activation.length];
        for (int i = 0; i < activation.length; i++) {
            activation[i] = (i * 37 % 23) / 23f;
            gradient[i] = ((i * 53 % 19) - 9) / 19f;
            otherGradient[i] = ((i * 29 % 17) - 5) / 17f;
        }
        float[] curvature = new float[activation.length];
        float[] otherCurvature = new float[activation.length];
        for (int i = 0; i < activation.length; i++) {
            curvature[i] = ((i * 11 % 7) - 3) / 7f;
            otherCurvature[i] = ((i * 13 % 5) - 2) / 5f;
        }
        // ShapleyCAM reads the target also through gradients at a scaled layer output
        FakeModel model = FakeModel.of(8, 8, c).withQuadraticTarget(activation, curvature, gradient);
        float[] otherPattern = new float[3 * 8 * 8];
        for (int i = 0; i < otherPattern.length; i++) {
            otherPattern[i] = ((i * 31 % 41) - 11) / 41f;
        }
        FakeModel otherTarget = new FakeModel(8, 8, model.input(), otherPattern, 0.5,
                new double[] {0.1, 0.9, 0.3, 0.2}).withQuadraticTarget(activation, otherCurvature, otherGradient);
        for (CamMethod m : CamMethods.all()) {
            if (m instanceof WholeModelCam || m instanceof MaskingCam) {
                continue;
            }
            float[] one = m.layerMap(new LayerTensors("layer", c, h, w, activation, gradient), false, model,
                    CamOptions.defaults());
            float[] other = m.layerMap(new LayerTensors("layer", c, h, w, activation, otherGradient), false,
                    otherTarget, CamOptions.defaults());
            assertEquals(!m.usesTarget(), java.util.Arrays.equals(one, other), m.name());
        }
    }
}
