package org.trilink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trilink.ArchitectureTest.SameCycle;

class SameCycleTest {

    static String cycle(String path, String details) {
        return "Cycle detected: " + path.replace(" -> ", " -> \n                ")
                + "\n  1. Dependencies of Slice cases\n" + details;
    }

    final SameCycle sameCycle = new SameCycle();

    @Test
    void aCycleStaysKnownWhateverDependenciesCarryIt() {
        String stored = cycle("Slice cases -> Slice platform -> Slice cases",
                "    - Method <a()> calls method <b()> in (A.java:12)\n    (114 further dependencies have been omitted...)");
        String actual = cycle("Slice cases -> Slice platform -> Slice cases",
                "    - Method <c()> calls method <d()> in (C.java:40)\n    (115 further dependencies have been omitted...)");
        assertThat(sameCycle.matches(actual, stored)).isTrue();
    }

    @Test
    void aCycleIsTheSameFromWhicheverFeatureItStarts() {
        assertThat(sameCycle.matches(
                cycle("Slice platform -> Slice documents -> Slice cases -> Slice platform", ""),
                cycle("Slice cases -> Slice platform -> Slice documents -> Slice cases", ""))).isTrue();
    }

    @Test
    void otherFeaturesOrAnotherOrderMakeAnotherCycle() {
        String stored = cycle("Slice cases -> Slice platform -> Slice documents -> Slice cases", "");
        assertThat(sameCycle.matches(cycle("Slice cases -> Slice documents -> Slice platform -> Slice cases", ""), stored))
                .isFalse();
        assertThat(sameCycle.matches(cycle("Slice cases -> Slice platform -> Slice cases", ""), stored)).isFalse();
        assertThat(sameCycle.matches(cycle("Slice cases -> Slice offices -> Slice platform -> Slice documents -> Slice cases", ""),
                stored)).isFalse();
    }

    @Test
    void anythingButACycleMustMatchExactly() {
        assertThat(sameCycle.matches("something else", "something else")).isTrue();
        assertThat(sameCycle.matches("something else", "something other")).isFalse();
    }
}
