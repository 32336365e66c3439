package org.trilink;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationLineMatcher;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture rules of issue 19, checked on the production classes (not the tests) in every
 * {@code ./mvnw verify}: no cycles between the feature packages (the top-level packages under
 * {@code org.trilink}: cases, referrals, mediation, offices, partners, statistics, documents,
 * notifications, portal, platform), the platform imports no feature, no boundary class touches
 * the {@code EntityManager}, and no entity depends on a control or boundary class.
 *
 * <p>Each rule is frozen with ArchUnit's {@link FreezingArchRule}: the store in
 * {@code src/test/resources/archunit_store} lists today's known violations (see issue 19), which
 * later package moves remove. A violation that has been fixed is removed from its store file
 * automatically by the next run (commit that change); a violation not in the store fails the
 * build. Stored violations are matched without their line numbers and without the numbers of
 * lambdas and anonymous classes (ArchUnit's default), and a cycle by the features that form it
 * alone ({@link SameCycle}), so ordinary edits do not disturb them. Each store file is found
 * through {@code stored.rules} by the rule's text, because-clause included: rewording a rule
 * needs its key there changed too, or the rule is silently frozen afresh with whatever violates
 * it then.
 */
@AnalyzeClasses(packages = "org.trilink", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = FreezingArchRule.freeze(
            slices().matching("org.trilink.(*)..")
                    .should().beFreeOfCycles()
                    .because("features talk to each other in one direction only, through the other"
                            + " feature's control beans, so each can be understood, tested and moved"
                            + " on its own"))
            .associateViolationLinesVia(new SameCycle());

    @ArchTest
    static final ArchRule platformImportsNoFeature = FreezingArchRule.freeze(
            noClasses().that().resideInAPackage("org.trilink.platform..")
                    .should().dependOnClassesThat(resideInAPackage("org.trilink..")
                            .and(resideOutsideOfPackage("org.trilink.platform..")))
                    .because("the platform is the wiring every feature may use (start-up, security,"
                            + " problems, validation), so it must not depend on any feature"));

    @ArchTest
    static final ArchRule boundaryDoesNotUseTheEntityManager = FreezingArchRule.freeze(
            noClasses().that().resideInAPackage("..boundary..")
                    .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                    .because("a boundary only translates between the outside (HTTP, pages, files,"
                            + " messages) and its feature's control beans, which own the persistence"));

    @ArchTest
    static final ArchRule entitiesDependOnNoControlOrBoundary = FreezingArchRule.freeze(
            noClasses().that().resideInAPackage("..entity..")
                    .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..")
                    .because("entities are the data that control and boundary classes work on; they"
                            + " must stay plain so that they can be used anywhere without pulling in"
                            + " the logic or the interfaces above them"));

    /**
     * A cycle stays known while the same features form it in the same order. ArchUnit's default
     * matcher compares a cycle's whole text, which lists up to 20 of the dependencies on each edge
     * and counts the rest ("114 further dependencies have been omitted"): any call added to or
     * removed from two features already in a cycle would make it a new cycle and fail the build.
     * Here only the cycle's path counts ("Slice cases -> Slice platform -> Slice cases"), taken
     * from whichever feature it starts at.
     */
    static final class SameCycle implements ViolationLineMatcher {
        private static final Pattern SLICE = Pattern.compile("Slice (\\S+)");
        private static final String DETAILS = "\n  1. Dependencies of ";

        @Override
        public boolean matches(String actual, String stored) {
            List<String> actualPath = path(actual);
            List<String> storedPath = path(stored);
            return actualPath.isEmpty() || storedPath.isEmpty()
                    ? actual.equals(stored)
                    : actualPath.equals(storedPath);
        }

        /** The slices of a cycle, the repeated last one dropped, rotated to start at the least. */
        static List<String> path(String violation) {
            if (!violation.startsWith("Cycle detected: ")) {
                return List.of();
            }
            int details = violation.indexOf(DETAILS);
            Matcher slice = SLICE.matcher(details < 0 ? violation : violation.substring(0, details));
            List<String> slices = new ArrayList<>();
            while (slice.find()) {
                slices.add(slice.group(1));
            }
            if (slices.size() < 2) {
                return List.of();
            }
            slices.remove(slices.size() - 1);
            Collections.rotate(slices, -slices.indexOf(Collections.min(slices)));
            return slices;
        }
    }
}
