package org.trilink;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.EntityManager;

/**
 * The architecture rules of issue 19, checked on the production classes (not the tests) in every
 * {@code ./mvnw verify}: no cycles between the feature packages (the top-level packages under
 * {@code org.trilink}: cases, referrals, mediation, offices, partners, statistics, documents,
 * notifications, outbox, demo, platform), the platform imports no feature, no boundary
 * class touches the {@code EntityManager}, and no entity depends on a control or boundary class.
 *
 * <p>The rules were frozen while the code still broke them (ArchUnit's FreezingArchRule, with a
 * store of the known violations); the package moves of issue 19 emptied that store, and the rules
 * now hold without exception: any violation fails the build.
 */
@AnalyzeClasses(packages = "org.trilink", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.trilink.(*)..")
            .should().beFreeOfCycles()
            .because("features talk to each other in one direction only, through the other"
                    + " feature's control beans, so each can be understood, tested and moved"
                    + " on its own");

    @ArchTest
    static final ArchRule platformImportsNoFeature = noClasses()
            .that().resideInAPackage("org.trilink.platform..")
            .should().dependOnClassesThat(resideInAPackage("org.trilink..")
                    .and(resideOutsideOfPackage("org.trilink.platform..")))
            .because("the platform is the wiring every feature may use (start-up, security,"
                    + " problems, validation), so it must not depend on any feature");

    @ArchTest
    static final ArchRule boundaryDoesNotUseTheEntityManager = noClasses()
            .that().resideInAPackage("..boundary..")
            .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .because("a boundary only translates between the outside (HTTP, pages, files,"
                    + " messages) and its feature's control beans, which own the persistence");

    @ArchTest
    static final ArchRule entitiesDependOnNoControlOrBoundary = noClasses()
            .that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..")
            .because("entities are the data that control and boundary classes work on; they"
                    + " must stay plain so that they can be used anywhere without pulling in"
                    + " the logic or the interfaces above them");
}
