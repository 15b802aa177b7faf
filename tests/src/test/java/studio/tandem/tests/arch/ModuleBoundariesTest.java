package studio.tandem.tests.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of DESIGN.md, "no JavaFX outside app/ and ui-resources/" and "no Unsafe", as
 * rules over the compiled main classes of every module.
 */
class ModuleBoundariesTest {
    private static final String DATASET = "studio.tandem.dataset..";
    private static final String RECORDER = "studio.tandem.recorder..";
    private static final String TELEOP = "studio.tandem.teleop..";
    private static final String AUTONOMY = "studio.tandem.autonomy..";
    private static final String APP = "studio.tandem.app..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("studio.tandem");
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String name : new String[] {"studio.tandem.dataset.feature.Feature", "studio.tandem.app.Main",
                "studio.tandem.teleop.device.Device"}) {
            assertThat(classes.contain(name)).as("imported " + name).isTrue();
        }
        assertThat(classes.size()).isGreaterThan(10);
    }

    @Test
    void datasetFormatDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage(DATASET)
                .should().dependOnClassesThat().resideInAnyPackage(RECORDER, TELEOP, AUTONOMY, APP)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void recorderKnowsNoHardwareAndNoPolicy() {
        noClasses().that().resideInAPackage(RECORDER)
                .should().dependOnClassesThat().resideInAnyPackage(TELEOP, AUTONOMY, APP)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void teleopKnowsNoPolicyAndNoRecorder() {
        noClasses().that().resideInAPackage(TELEOP)
                .should().dependOnClassesThat().resideInAnyPackage(RECORDER, AUTONOMY, APP)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void sharedAutonomyDependsOnlyOnTeleopAndDataset() {
        noClasses().that().resideInAPackage(AUTONOMY)
                .should().dependOnClassesThat().resideInAnyPackage(RECORDER, APP)
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void noJavaFxOutsideTheApp() {
        noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void noUnsafe() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("sun.misc.Unsafe")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jdk.internal.misc.Unsafe")
                .check(classes);
    }
}
