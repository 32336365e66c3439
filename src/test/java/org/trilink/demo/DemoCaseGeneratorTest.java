package org.trilink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trilink.platform.validation.IdentityNumbers;

class DemoCaseGeneratorTest {

    static final String[] TOWNS = {"310118001", "310118002", "310118003", "310118101", "310118102", "310118103",
        "310118104", "310118105", "310118106", "310118107", "310118108"};

    static List<DemoCaseGenerator.Office> offices() {
        List<DemoCaseGenerator.Office> offices = new ArrayList<>();
        for (String town : TOWNS) {
            offices.add(new DemoCaseGenerator.Office("JO-" + town, "JUDICIAL_OFFICE", town));
            offices.add(new DemoCaseGenerator.Office("PS-" + town, "POLICE_STATION", town));
        }
        for (int i = 0; i < 4; i++) {
            offices.add(new DemoCaseGenerator.Office("LF-" + i, "LAW_FIRM", TOWNS[i]));
        }
        offices.add(new DemoCaseGenerator.Office("NLC-310118", "MEDIATION_COMMITTEE", "310118"));
        return offices;
    }

    final OffsetDateTime now = OffsetDateTime.of(2026, 11, 29, 8, 0, 0, 0, ZoneOffset.UTC);

    List<DemoCaseGenerator.DemoCase> generate(long seed) {
        return new DemoCaseGenerator(seed, offices(), now, ZoneId.of("Asia/Shanghai")).cases(2000);
    }

    @Test
    void coversEveryTypeChannelTownAndOutcomeOverTwoYears() {
        List<DemoCaseGenerator.DemoCase> cases = generate(310118L);
        assertThat(cases.stream().map(DemoCaseGenerator.DemoCase::disputeType).collect(Collectors.toSet()))
                .hasSize(15);
        assertThat(cases.stream().map(DemoCaseGenerator.DemoCase::channel).collect(Collectors.toSet())).hasSize(9);
        assertThat(cases.stream().map(DemoCaseGenerator.DemoCase::regionCode).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(TOWNS);
        assertThat(cases.stream().map(DemoCaseGenerator.DemoCase::outcome).collect(Collectors.toSet()))
                .contains("SUCCESS", "FAILURE", "WITHDRAWN");
        Set<String> statuses = cases.stream().map(DemoCaseGenerator.DemoCase::status).collect(Collectors.toSet());
        assertThat(statuses).contains("RECEIVED", "ACCEPTED", "IN_MEDIATION", "CONCLUDED", "CLOSED", "DECLINED",
                "FILED", "RESOLVED");
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.receivedAt()).isBefore(now).isAfter(now.minusDays(731));
            assertThat(c.events()).isNotEmpty();
            if (c.closedAt() != null) {
                assertThat(c.closedAt()).isBefore(now);
            }
            if (c.outcomeAt() != null) {
                assertThat(c.outcomeAt()).isAfter(c.receivedAt()).isBefore(now);
            }
        });
        assertThat(cases.stream().filter(c -> c.receivedAt().isBefore(now.minusDays(365)))).hasSizeGreaterThan(500);
    }

    @Test
    void partiesCarryValidIdentifiers() {
        assertThat(generate(7L).stream().flatMap(c -> c.parties().stream())).allSatisfy(p -> {
            if (p.idNumber() != null) {
                assertThat(IdentityNumbers.isResidentId(p.idNumber())).isTrue();
            }
            if (p.phone() != null) {
                assertThat(IdentityNumbers.isMobile(p.phone())).isTrue();
            }
            if (p.creditCode() != null) {
                assertThat(IdentityNumbers.isCreditCode(p.creditCode())).isTrue();
            }
        });
    }

    @Test
    void theSameSeedGivesTheSameCases() {
        assertThat(generate(42L)).isEqualTo(generate(42L));
    }
}
