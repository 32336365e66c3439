package org.trilink.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Outcome;
import org.trilink.statistics.entity.CaseFacts;
import org.trilink.statistics.entity.Metric;

class CaseFactsTest {

    @Test
    void eachPartReadsBackAsPacked() {
        for (Outcome o : Outcome.values()) {
            for (AdminResolution r : AdminResolution.values()) {
                for (AgreementForm f : AgreementForm.values()) {
                    int facts = CaseFacts.of(o, r, f, CaseFacts.PERFORMED | CaseFacts.HAS_DAYS);
                    assertThat(CaseFacts.outcome(facts)).isEqualTo(o);
                    assertThat(CaseFacts.resolution(facts)).isEqualTo(r);
                    assertThat(CaseFacts.form(facts)).isEqualTo(f);
                    assertThat(CaseFacts.has(facts, CaseFacts.PERFORMED)).isTrue();
                    assertThat(CaseFacts.has(facts, CaseFacts.REFERRED)).isFalse();
                }
            }
        }
        int none = CaseFacts.of(null, null, null, 0);
        assertThat(CaseFacts.outcome(none)).isNull();
        assertThat(CaseFacts.concluded(none)).isFalse();
        assertThat(Metric.PENDING.counts(none)).isTrue();
    }

    /** The migration of old runs (V14) packs facts by hand: its numbers must be the ones CaseFacts uses. */
    @Test
    void theMigrationOfOldRunsPacksFactsTheSameWay() throws IOException {
        String v14;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V14__statistics_grouped_snapshot.sql")) {
            v14 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(v14).contains("when 'SUCCESS' then " + CaseFacts.of(Outcome.SUCCESS, null, null, 0))
                .contains("when 'WITHDRAWN' then " + CaseFacts.of(Outcome.WITHDRAWN, null, null, 0))
                .contains("when 'RESOLVED_BEFORE_FILING' then " + CaseFacts.of(null, AdminResolution.RESOLVED_BEFORE_FILING, null, 0))
                .contains("when 'CORRECTED' then " + CaseFacts.of(null, AdminResolution.CORRECTED, null, 0))
                .contains("when 'ORAL' then " + CaseFacts.of(null, null, AgreementForm.ORAL, 0))
                .contains("then " + CaseFacts.HAS_AMOUNT + " else").contains("then " + CaseFacts.PERFORMED + " else")
                .contains("then " + CaseFacts.HAS_DAYS + " else").contains("then " + CaseFacts.REFERRAL_OVERDUE + " else");
    }

    @Test
    void theSqlNamesEveryCodeAndFlag() {
        String sql = CaseFacts.sql("o", "r", "f", List.of(new CaseFacts.Flag(CaseFacts.FOLLOWED_UP, "v > 0")));
        assertThat(sql).contains("case o when 'SUCCESS' then 1 when 'FAILURE' then 2 when 'WITHDRAWN' then 3 else 0 end")
                .contains("when 'CORRECTED' then 20").contains("case f when 'WRITTEN' then 32 when 'ORAL' then 64")
                .contains("case when v > 0 then 16384 else 0 end");
    }

    @Test
    void metricsChooseTheirCasesByFacts() {
        int success = CaseFacts.of(Outcome.SUCCESS, null, AgreementForm.WRITTEN, CaseFacts.HAS_AMOUNT);
        assertThat(Metric.SUCCEEDED.counts(success)).isTrue();
        assertThat(Metric.WRITTEN_AGREEMENTS.counts(success)).isTrue();
        assertThat(Metric.ORAL_AGREEMENTS.counts(success)).isFalse();
        assertThat(Metric.AGREEMENT_AMOUNT.counts(success)).isTrue();
        assertThat(Metric.CONCLUDED.counts(success)).isTrue();
        int corrected = CaseFacts.of(null, AdminResolution.CORRECTED, null, 0);
        assertThat(Metric.CONCLUDED_AFTER_FILING.counts(corrected)).isTrue();
        assertThat(Metric.MEDIATED_OR_WITHDRAWN.counts(corrected)).isFalse();
        assertThat(Metric.RESOLVED_BEFORE_FILING.counts(corrected)).isFalse();
        assertThat(Metric.CONCLUDED_AFTER_FILING.counts(CaseFacts.of(null, AdminResolution.RESOLVED_BEFORE_FILING, null, 0)))
                .isFalse();
    }
}
