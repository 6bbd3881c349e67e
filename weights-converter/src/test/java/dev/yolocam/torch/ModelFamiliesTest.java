package dev.yolocam.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The family registry: what each family admits, and that a family claiming too little or nonsense is refused. */
class ModelFamiliesTest {
    /** A family the way issue 12's Ultralytics family will look, under names no real checkpoint uses. */
    private record Toy(String name, Set<String> moduleClassModules, List<String> modelClasses,
                       Set<String> detectHeadClasses) implements ModelFamily {
        static Toy valid() {
            return new Toy("Toy", Set.of("toy.nn.tasks", "toy.nn.head"), List.of("toy.nn.tasks.DetectionModel"),
                    Set.of("toy.nn.head.Detect"));
        }
    }

    private static final ModelFamilies WITH_TOY = new ModelFamilies(List.of(new Yolov5Family(), Toy.valid()));

    @Test
    void yolov5AndUltralyticsAreRegisteredWithTheirModelAndDetectClasses() {
        assertEquals("YOLOv5 or YOLOv8/YOLO11", ModelFamilies.REGISTERED.names());
        assertTrue(ModelFamilies.REGISTERED.isModelClass("ultralytics.nn.tasks.DetectionModel"));
        assertFalse(ModelFamilies.REGISTERED.isModelClass("ultralytics.nn.tasks.SegmentationModel"));
        assertEquals("YOLOv8/YOLO11",
                ModelFamilies.REGISTERED.ofDetectHead("ultralytics.nn.modules.head.Detect").orElseThrow().name());
        assertTrue(ModelFamilies.REGISTERED.isModelClass("models.yolo.DetectionModel"));
        assertTrue(ModelFamilies.REGISTERED.isModelClass("models.yolo.Model"));
        assertFalse(ModelFamilies.REGISTERED.isModelClass("models.common.Conv"));
        assertEquals("YOLOv5", ModelFamilies.REGISTERED.ofDetectHead("models.yolo.Detect").orElseThrow().name());
        assertTrue(ModelFamilies.REGISTERED.ofDetectHead("models.common.Detect").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"models.common,Conv,true", "models.yolo,Detect,true", "models.experimental,MixConv2d,true",
        "models.common,os,false", "models.common.sub,Conv,false", "models,Conv,false", "toy.nn.head,Detect,false",
        "ultralytics.nn.modules.block,C3k2,true", "ultralytics.nn.modules.head,Detect,true",
        "ultralytics.nn.tasks,DetectionModel,true", "ultralytics.nn.modules,Conv,false",
        "ultralytics.utils,IterableSimpleNamespace,false", "ultralytics.nn.modules.block,torch_load,false"})
    void theRegisteredFamiliesAdmitCamelCaseClassesOfExactlyTheirModules(String module, String name,
                                                                          boolean admitted) {
        assertEquals(admitted, ModelFamilies.REGISTERED.definesModuleClass(new PyGlobal(module, name)));
    }

    @Test
    void aSecondFamilyAddsItsOwnClassesAndNothingElse() {
        assertEquals("YOLOv5 or Toy", WITH_TOY.names());
        assertTrue(WITH_TOY.definesModuleClass(new PyGlobal("toy.nn.head", "Detect")));
        assertTrue(WITH_TOY.definesModuleClass(new PyGlobal("models.common", "Conv")));
        assertFalse(WITH_TOY.definesModuleClass(new PyGlobal("toy.nn", "Detect")));
        assertFalse(WITH_TOY.definesModuleClass(new PyGlobal("toy.nn.head.sub", "Detect")));
        assertFalse(WITH_TOY.definesModuleClass(new PyGlobal("toy.nn.head", "detect")));
        assertTrue(WITH_TOY.isModelClass("toy.nn.tasks.DetectionModel"));
        assertEquals("Toy", WITH_TOY.ofDetectHead("toy.nn.head.Detect").orElseThrow().name());
        assertEquals("YOLOv5", WITH_TOY.ofDetectHead("models.yolo.Detect").orElseThrow().name());
        assertEquals("models.yolo.DetectionModel, toy.nn.tasks.DetectionModel", WITH_TOY.usualModelClasses());
        assertEquals("models.yolo.Detect or toy.nn.head.Detect", WITH_TOY.detectHeadClasses());
    }

    @Test
    void aFamilyWhoseClassesAreNotInItsOwnModulesIsRefused() {
        Toy valid = Toy.valid();
        Toy foreignModel = new Toy("Toy", valid.moduleClassModules(), List.of("os.System"), valid.detectHeadClasses());
        Toy foreignHead = new Toy("Toy", valid.moduleClassModules(), valid.modelClasses(), Set.of("models.yolo.Detect"));
        for (Toy toy : List.of(foreignModel, foreignHead)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ModelFamilies(List.of(toy)));
            assertTrue(e.getMessage().contains("not a class of its own modules"), e.getMessage());
        }
    }

    @Test
    void aFamilyWithoutModelOrHeadClassesOrWithABadModuleNameIsRefused() {
        Toy valid = Toy.valid();
        for (Toy toy : List.of(
                new Toy("Toy", valid.moduleClassModules(), List.of(), valid.detectHeadClasses()),
                new Toy("Toy", valid.moduleClassModules(), valid.modelClasses(), Set.of()),
                new Toy("Toy", Set.of("toy.nn.tasks", "toy.nn.head", "toy..nn"), valid.modelClasses(),
                        valid.detectHeadClasses()),
                new Toy("Toy", Set.of("toy.nn.tasks", "toy.nn.head", "Toy.Nn"), valid.modelClasses(),
                        valid.detectHeadClasses()))) {
            assertThrows(IllegalArgumentException.class, () -> new ModelFamilies(List.of(toy)), toy.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> new ModelFamilies(List.of()));
    }
}
