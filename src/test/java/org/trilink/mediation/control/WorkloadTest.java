package org.trilink.mediation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void theBusiestComeFirstWithTheirShareOfTheBusiestsCases() {
        List<Workload.Line> lines = Workload.of(List.of(
                new Workload.Count("a", "甲", 2, 1),
                new Workload.Count("b", "乙", 8, 5),
                new Workload.Count("c", "丙", 0, 0),
                new Workload.Count("d", "丁", 2, 2)), Map.of("d", 3L, "b", 1L));
        assertThat(lines).extracting(Workload.Line::username).containsExactly("b", "d", "a", "c");
        assertThat(lines.get(0)).isEqualTo(new Workload.Line("b", "乙", 8, 5, 1, 100));
        assertThat(lines.get(1)).isEqualTo(new Workload.Line("d", "丁", 2, 2, 3, 25));
        assertThat(lines.get(2).sessionsThisWeek()).isZero();
        assertThat(lines.get(3).percentOfBusiest()).isZero();
    }

    @Test
    void anOfficeWithNothingOpenHasNoBars() {
        assertThat(Workload.of(List.of(new Workload.Count("a", "甲", 0, 0)), Map.of()))
                .containsExactly(new Workload.Line("a", "甲", 0, 0, 0, 0));
        assertThat(Workload.of(List.of(), Map.of())).isEmpty();
    }
}
