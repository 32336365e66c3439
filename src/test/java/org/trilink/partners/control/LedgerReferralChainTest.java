package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilink.referrals.entity.ReferralStatus;

/**
 * A ledger row referred on and on (police station → judicial office → law firm): the referral
 * columns numbered like the follow-up visits, read as a chain in date order that the handling
 * office and the mediators follow; a chain that could not have happened is refused by column.
 */
class LedgerReferralChainTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final LedgerImport ledgers = ReferenceData.ledgerImport();

    /** A received people's mediation row of 夏阳司法所 with the given further columns, keyed by their headers. */
    static Map<String, String> row(String... headersAndValues) {
        Map<String, String> row = new HashMap<>();
        String[] base = {"编号", "C-1", "收案日期", "2024-03-01", "纠纷类型", "邻里", "纠纷简要情况", "噪音",
                "所属街镇", "夏阳街道", "申请人", "张三"};
        for (String[] pairs : new String[][] {base, headersAndValues}) {
            for (int i = 0; i < pairs.length; i += 2) {
                row.put(LedgerColumns.key(pairs[i]), pairs[i + 1]);
            }
        }
        return row;
    }

    LedgerImport.Row parse(Map<String, String> row) {
        return ledgers.parse(row, SHANGHAI, "JO-XIAYANG", false);
    }

    List<LedgerImport.Refusal> refused(Map<String, String> row) {
        LedgerImport.RefusedRow refused = catchThrowableOfType(LedgerImport.RefusedRow.class, () -> parse(row));
        assertThat(refused).as("the row is refused").isNotNull();
        return refused.refusals();
    }

    static OffsetDateTime day(String date) {
        return OffsetDateTime.parse(date + "T00:00+08:00");
    }

    @Test
    void theNumberedReferralColumnsAreTheChainsNextLinks() {
        assertThat(LedgerColumns.key("转介单位2")).isEqualTo("referralTo2");
        assertThat(LedgerColumns.key("转出单位2")).isEqualTo("referralFrom2");
        assertThat(LedgerColumns.key("转介日期 3")).isEqualTo("referredAt3");
        assertThat(LedgerColumns.key("转介结果2")).isEqualTo("referralDecision2");
        assertThat(LedgerColumns.key("接收日期2")).isEqualTo("referralDecidedAt2");
        assertThat(LedgerColumns.key("退回原因9")).isEqualTo("referralRejection9");
        assertThat(LedgerColumns.key("referralTo2")).isEqualTo("referralTo2");
    }

    @Test
    void aRowReferredFromThePoliceToTheOfficeAndOnToALawFirmEndsWithTheLawFirm() {
        LedgerImport.Row r = parse(row("转出单位", "夏阳派出所", "转介单位", "夏阳司法所", "转介日期", "2024-03-01",
                "接收日期", "2024-03-02", "转介单位2", "上海淀湖律师事务所", "转介日期2", "2024-03-04",
                "转介结果2", "已接收", "接收日期2", "2024-03-05", "转介原因2", "需要律师调解"));
        assertThat(r.referrals()).containsExactly(
                new LedgerImport.Referral("PS-XIAYANG", "JO-XIAYANG", day("2024-03-01"), ReferralStatus.ACCEPTED,
                        day("2024-03-02"), "台账记载的转介", null),
                new LedgerImport.Referral("JO-XIAYANG", "LF-DIANHU", day("2024-03-04"), ReferralStatus.ACCEPTED,
                        day("2024-03-05"), "需要律师调解", null));
        assertThat(r.referral()).as("the first, as before").isEqualTo(r.referrals().get(0));
        assertThat(r.office()).as("received by the police station").isEqualTo("PS-XIAYANG");
        assertThat(r.holder()).as("handled by the law firm").isEqualTo("LF-DIANHU");
    }

    @Test
    void afterARejectionTheSenderReferresTheCaseElsewhereAndTheLastMayBePending() {
        LedgerImport.Row r = parse(row("转介单位", "夏阳派出所", "转介日期", "2024-03-02", "转介结果", "退回",
                "接收日期", "2024-03-03", "退回原因", "非警务纠纷", "转介单位2", "LF-DIANHU", "转介日期2", "2024-03-03"));
        assertThat(r.referrals()).extracting(LedgerImport.Referral::from, LedgerImport.Referral::to,
                LedgerImport.Referral::decision).containsExactly(
                org.assertj.core.groups.Tuple.tuple("JO-XIAYANG", "PS-XIAYANG", ReferralStatus.REJECTED),
                org.assertj.core.groups.Tuple.tuple("JO-XIAYANG", "LF-DIANHU", ReferralStatus.PENDING));
        assertThat(r.referrals().get(0).rejection()).isEqualTo("非警务纠纷");
        assertThat(r.holder()).as("still the office's until the law firm accepts").isEqualTo("JO-XIAYANG");
    }

    @Test
    void aChainThatCouldNotHaveHappenedIsRefusedByItsColumn() {
        // only the last referral may still be pending
        assertThat(refused(row("转介单位", "夏阳派出所", "转介日期", "2024-03-02", "转介单位2", "LF-DIANHU",
                "转介日期2", "2024-03-03"))).containsExactly(new LedgerImport.Refusal("referralTo2", "invalid", null));
        // a further referral goes from the office that took the case, not from another
        assertThat(refused(row("转介单位", "夏阳派出所", "转介日期", "2024-03-02", "接收日期", "2024-03-02",
                "转出单位2", "盈浦司法所", "转介单位2", "LF-DIANHU", "转介日期2", "2024-03-03")))
                .containsExactly(new LedgerImport.Refusal("referralFrom2", "otherOffice", null));
        // in date order: not sent on before it was taken
        assertThat(refused(row("转介单位", "夏阳派出所", "转介日期", "2024-03-02", "接收日期", "2024-03-05",
                "转介单位2", "LF-DIANHU", "转介日期2", "2024-03-04", "接收日期2", "2024-03-06")))
                .containsExactly(new LedgerImport.Refusal("referredAt2", "beforeReceived", null));
        // numbered without a gap
        assertThat(refused(row("转介单位3", "LF-DIANHU", "转介日期3", "2024-03-04")))
                .containsExactly(new LedgerImport.Refusal("referralTo3", "required", null));
        // a further referral names where it went
        assertThat(refused(row("转介单位", "夏阳派出所", "转介日期", "2024-03-02", "接收日期", "2024-03-02",
                "转介日期2", "2024-03-04"))).containsExactly(new LedgerImport.Refusal("referralTo2", "required", null));
        // a chain that never touches the importing office is another office's case
        assertThat(refused(row("转出单位", "夏阳派出所", "转介单位", "盈浦司法所", "转介日期", "2024-03-02",
                "接收日期", "2024-03-02", "转介单位2", "LF-DIANHU", "转介日期2", "2024-03-04")))
                .containsExactly(new LedgerImport.Refusal("referralFrom", "otherOffice", null));
    }

    @Test
    void aSingleReferralReadsAsItAlwaysDid() {
        LedgerImport.Row r = parse(row("转出单位", "PS-XIAYANG", "转介日期", "2024-03-01", "接收日期", "2024-03-02"));
        assertThat(r.referrals()).hasSize(1);
        assertThat(r.referral().to()).isEqualTo("JO-XIAYANG");
        assertThat(r.holder()).isEqualTo("JO-XIAYANG");
        assertThat(parse(row()).referrals()).isEmpty();
        assertThat(parse(row()).referral()).isNull();
    }
}
