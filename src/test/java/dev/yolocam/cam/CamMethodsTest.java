package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The method registry: names, aliases and lookup rules. */
class CamMethodsTest {

    @Test
    void registersEveryMethod() {
        List<String> names = CamMethods.all().stream().map(CamMethod::name).toList();
        assertEquals(List.of("GradCAM", "HiResCAM", "GradCAMElementWise", "GradCAMPlusPlus", "XGradCAM", "LayerCAM",
                "EigenCAM", "EigenGradCAM", "ScoreCAM", "AblationCAM", "RandomCAM", "KPCA-CAM", "FullGrad"), names);
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
                "LayerCAM", "EigenGradCAM", "FullGrad");
        for (CamMethod m : CamMethods.all()) {
            assertEquals(gradient.contains(m.name()), m.usesGradients(), m.name());
        }
    }
}
