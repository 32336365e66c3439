package org.trilink.cases.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The typed changes: one record per kind, stored as JSON and read back unchanged, and worded for
 * the history API exactly as the free text the code wrote before (issue 19: the API keeps its words).
 */
public class CaseChangeTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T09:30+08:00");
    static final CaseChange.DocumentVersion AGREEMENT = new CaseChange.DocumentVersion("agreement", 0, 1, "3f2a9c81", 17);

    /** One change of every kind as the application records it, with the text it recorded before. */
    public static final Map<CaseChange, String> LIVE = Map.ofEntries(
            Map.entry(new CaseChange.Received(Channel.POLICE_110, DisputeType.NEIGHBOR, null, false),
                    "channel=POLICE_110, type=NEIGHBOR"),
            Map.entry(new CaseChange.Accepted("材料齐全"), "材料齐全"),
            Map.entry(new CaseChange.Declined("已起诉至法院", "请等待判决"), "reason: 已起诉至法院; guidance: 请等待判决"),
            Map.entry(new CaseChange.Referred(12L, "PS-ZHAOXIANG", "JO-ZHAOXIANG",
                    OffsetDateTime.parse("2026-03-03T09:30+08:00"), "非警务警情"), "referral=12 to=JO-ZHAOXIANG; 非警务警情"),
            Map.entry(new CaseChange.ReferralAccepted(12L, "PS-ZHAOXIANG", null, "JO-ZHAOXIANG"),
                    "referral=12 from=PS-ZHAOXIANG"),
            Map.entry(new CaseChange.ReferralRejected(12L, null, "demo-police", "不属于本所辖区"),
                    "referral=12 from partner demo-police; 不属于本所辖区"),
            Map.entry(new CaseChange.ReferralRecalled(12L, "JO-ZHAOXIANG", null), "referral=12 to=JO-ZHAOXIANG"),
            Map.entry(new CaseChange.ReferralOverdue(12L, "JO-ZHAOXIANG", OffsetDateTime.parse("2026-03-02T01:30Z")),
                    "referral=12 to=JO-ZHAOXIANG deadline=2026-03-02T01:30Z"),
            Map.entry(new CaseChange.Joined("LF-MINGLI", "请律师参与"), "LF-MINGLI: 请律师参与"),
            Map.entry(new CaseChange.MediatorAssigned("mediator", "PEOPLES_MEDIATOR", "JO-ZHAOXIANG"),
                    "mediator as PEOPLES_MEDIATOR of JO-ZHAOXIANG"),
            Map.entry(new CaseChange.SessionScheduled(1234, AT, "调解室; 二楼"),
                    "session=1234 at=2026-03-02T09:30+08:00 place=调解室; 二楼"),
            Map.entry(new CaseChange.SessionRescheduled(7, "当事人出差"), "session=7; 当事人出差"),
            Map.entry(new CaseChange.SessionCancelled(7, "已和解"), "session=7; 已和解"),
            Map.entry(new CaseChange.SessionHeld(7, AT), "session=7 at=2026-03-02T09:30+08:00"),
            Map.entry(new CaseChange.OutcomeRecorded(Outcome.SUCCESS, AgreementForm.WRITTEN, new BigDecimal("12000.50"),
                    null, LocalDate.of(2026, 2, 15)), "SUCCESS WRITTEN amount=12000.50; follow-up due 2026-02-15"),
            Map.entry(new CaseChange.OutcomeRecorded(Outcome.FAILURE, null, null, "LITIGATION",
                    LocalDate.of(2026, 3, 1)), "FAILURE guidance=LITIGATION; follow-up due 2026-03-01"),
            Map.entry(new CaseChange.LedgerOutcome(Outcome.WITHDRAWN), "WITHDRAWN"),
            Map.entry(new CaseChange.FollowUpRecorded("VISIT", "PERFORMED", 5),
                    "method=VISIT performance=PERFORMED satisfaction=5"),
            Map.entry(new CaseChange.FollowUpOverdue(LocalDate.of(2026, 2, 15), "JO-ZHAOXIANG"),
                    "due=2026-02-15 office=JO-ZHAOXIANG"),
            Map.entry(new CaseChange.RiskChanged(RiskLevel.LOW, RiskLevel.HIGH, "扬言报复"), "扬言报复"),
            Map.entry(new CaseChange.Closed(null), ""),
            Map.entry(new CaseChange.AdminFiled("依法立案"), "依法立案"),
            Map.entry(new CaseChange.AdminResolved(AdminResolution.CORRECTED, "撤销原处罚决定"), "CORRECTED: 撤销原处罚决定"),
            Map.entry(new CaseChange.PartyCorrected(2, List.of("name", "phone"), null), "party 2: name, phone"),
            Map.entry(new CaseChange.DocumentGenerated(AGREEMENT, true),
                    "agreement v1 code 3f2a9c81 (document 17) (unchanged, stored version returned)"),
            Map.entry(new CaseChange.DocumentDownloaded(new CaseChange.DocumentVersion("follow-up-record", 4, 2, "00ff", 18),
                    5L), "follow-up-record #4 v2 code 00ff (document 18), signed copy 5"),
            Map.entry(new CaseChange.SignedCopyUploaded(AGREEMENT, "application/pdf", 20480, "ab12cd"),
                    "agreement v1 code 3f2a9c81 (document 17), application/pdf, 20480 bytes, sha256 ab12cd"),
                        Map.entry(new CaseChange.PartyViewedOnline(1, "CASE"), "party 1 viewed CASE online"),
            Map.entry(new CaseChange.CorrectionRequested(7, 2, List.of("address")), "request 7, party 2: address"),
            Map.entry(new CaseChange.CorrectionDeclined(7, 2, "地址无误"), "request 7, party 2; 地址无误"),
            Map.entry(new CaseChange.AgreementSigned(AGREEMENT, 2, "OFFICE_TABLET", "ab12", "cd34"),
                    "agreement v1 code 3f2a9c81 (document 17), party 2 signed (OFFICE_TABLET), document sha256 ab12"),
            Map.entry(new CaseChange.AgreementSealed(AGREEMENT, 16, "ef56"),
                    "agreement v1 code 3f2a9c81 (document 17), signed by every party from document 16,"
                            + " office certificate sha256 ef56"),
            Map.entry(new CaseChange.PartyRated(2, 4, "调解员很耐心"), "party 2 rated 4 of 5; 调解员很耐心"),
            Map.entry(new CaseChange.MediationStarted(), ""));

    @Test
    void everyKindHasItsOwnRecordAndEveryRecordAKind() {
        Map<Class<?>, CaseChange.Kind> byRecord = Arrays.stream(CaseChange.Kind.values())
                .collect(Collectors.toMap(CaseChange.Kind::record, Function.identity()));
        assertThat(byRecord).hasSize(CaseChange.Kind.values().length);
        assertThat(byRecord.keySet()).containsExactlyInAnyOrder(CaseChange.class.getPermittedSubclasses());
        assertThat(LIVE.keySet().stream().map(CaseChange::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(CaseChange.Kind.values());
        for (CaseChange c : LIVE.keySet()) {
            assertThat(byRecord.get(c.getClass())).isEqualTo(c.kind());
            assertThat(CaseChange.Kind.of(c.type())).contains(c.kind());
        }
        assertThat(CaseChange.Kind.of("SOMETHING_NEW")).isEmpty();
    }

    @Test
    void theApiWordsEachChangeAsTheFreeTextDidBefore() {
        LIVE.forEach((change, text) -> assertThat(change.text() == null ? "" : change.text())
                .as(change.type()).isEqualTo(text));
    }

    @Test
    void storedAsJsonAndReadBackEqual() {
        for (CaseChange change : LIVE.keySet()) {
            String json = CaseChangeJson.write(change);
            // the record's fields only: not its kind or its API words
            assertThat(jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject().keySet())
                    .as(json).doesNotContain("kind", "text", "type");
            assertThat(CaseChangeJson.read(change.type(), json)).as(json).isEqualTo(change);
        }
        // the register number given at acceptance; a change stored before numbering reads back without one
        CaseChange numbered = new CaseChange.Accepted("材料齐全", "青赵调登〔2026〕第0012号");
        assertThat(CaseChangeJson.read(numbered.type(), CaseChangeJson.write(numbered))).isEqualTo(numbered);
        assertThat(numbered.text()).isEqualTo("register number 青赵调登〔2026〕第0012号, 材料齐全");
        assertThat(CaseChangeJson.read("ACCEPTED", "{\"note\":\"材料齐全\"}"))
                .isEqualTo(new CaseChange.Accepted("材料齐全"));
        assertThat(CaseChangeJson.write(new CaseChange.Received(Channel.ONLINE, DisputeType.LABOR, null, true)))
                .isEqualTo("{\"channel\":\"ONLINE\",\"disputeType\":\"LABOR\",\"fromLedger\":true}");
    }

    @Test
    void anOutcomeCarriesTheEscalationsItAvertedWithTheirPeople() {
        CaseChange live = new CaseChange.OutcomeRecorded(Outcome.SUCCESS, AgreementForm.WRITTEN, null, null,
                LocalDate.of(2026, 2, 15), new Averted(true, 3, true, null));
        assertThat(CaseChangeJson.read(live.type(), CaseChangeJson.write(live))).isEqualTo(live);
        assertThat(CaseChangeJson.write(live)).contains("\"averted\":{\"criminalCase\":true,\"criminalCasePeople\":3,"
                + "\"massPetition\":true}");
        assertThat(live.text()).isEqualTo("SUCCESS WRITTEN; averted criminal case (3 people), mass petition;"
                + " follow-up due 2026-02-15");
        CaseChange imported = new CaseChange.LedgerOutcome(Outcome.SUCCESS, null, null,
                new CaseChange.LedgerSource("ab12", 7), new Averted(false, null, true, 12));
        assertThat(CaseChangeJson.read(imported.type(), CaseChangeJson.write(imported))).isEqualTo(imported);
        assertThat(imported.text()).isEqualTo("SUCCESS; averted mass petition (12 people) (ledger row 7, file sha256 ab12)");
        // none averted: the words as before; stored before V22: read without
        assertThat(new CaseChange.OutcomeRecorded(Outcome.WITHDRAWN, null, null, null, null, Averted.NONE).text())
                .isEqualTo("WITHDRAWN");
        assertThat(CaseChangeJson.read("OUTCOME_RECORDED", "{\"outcome\":\"WITHDRAWN\"}"))
                .isEqualTo(new CaseChange.OutcomeRecorded(Outcome.WITHDRAWN, null, null, null, null));
    }

    @Test
    void aCountOfPeopleStandsOnlyWithItsFlagAndWithinRange() {
        assertThat(new Averted(true, 3, true, 100_000).faults()).isEmpty();
        assertThat(new Averted(true, null, false, null).faults()).isEmpty();
        assertThat(new Averted(false, 3, false, null).faults()).containsOnlyKeys("criminalCaseAvertedPeople");
        assertThat(new Averted(true, 0, true, 100_001).faults())
                .containsOnlyKeys("criminalCaseAvertedPeople", "massPetitionAvertedPeople");
        // the case keeps no count without its flag, whoever asks
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DisputeCase().markAverted(
                new Averted(false, null, false, 4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBackfilledChangeNamesItsLedgerFileAndRowAndOlderJsonStillReads() {
        CaseChange.LedgerSource source = new CaseChange.LedgerSource("ab12", 7);
        List<CaseChange> imported = List.of(
                new CaseChange.Received(Channel.LEDGER_IMPORT, DisputeType.NEIGHBOR, null, true, source),
                new CaseChange.Accepted(null, "青赵调登〔2023〕第0001号", source),
                new CaseChange.LedgerOutcome(Outcome.SUCCESS, AgreementForm.WRITTEN, new BigDecimal("1200.00"), source),
                new CaseChange.FollowUpRecorded("PHONE", "PERFORMED", 5, source),
                new CaseChange.Closed(null, source),
                new CaseChange.AdminFiled(null, "青赵调登〔2023〕第0002号", source),
                new CaseChange.AdminResolved(AdminResolution.CORRECTED, null, source));
        for (CaseChange c : imported) {
            assertThat(CaseChangeJson.read(c.type(), CaseChangeJson.write(c))).isEqualTo(c);
            assertThat(c.text()).contains("ledger row 7, file sha256 ab12");
        }
        // stored before the ledger source (issue 21): read with none
        assertThat(CaseChangeJson.read("LEDGER_OUTCOME", "{\"outcome\":\"FAILURE\"}"))
                .isEqualTo(new CaseChange.LedgerOutcome(Outcome.FAILURE));
        assertThat(CaseChangeJson.read("CLOSED", "{\"note\":\"done\"}")).isEqualTo(new CaseChange.Closed("done"));
        assertThat(CaseChangeJson.read("FOLLOW_UP_RECORDED", "{\"performance\":\"PERFORMED\"}"))
                .isEqualTo(new CaseChange.FollowUpRecorded(null, "PERFORMED", null));
        assertThat(CaseChangeJson.read("RECEIVED", "{\"channel\":\"WALK_IN\",\"disputeType\":\"LABOR\","
                + "\"fromLedger\":false}")).isEqualTo(new CaseChange.Received(Channel.WALK_IN, DisputeType.LABOR, null, false));
        // a live change's JSON is as before: no ledger field
        assertThat(CaseChangeJson.write(new CaseChange.Closed("done"))).isEqualTo("{\"note\":\"done\"}");
    }

    @Test
    void aPastCaseRegisteredThroughTheApiNamesItsRequestNotAFile() {
        CaseChange.LedgerSource source = CaseChange.LedgerSource.apiRequest("cd34");
        CaseChange received = new CaseChange.Received(Channel.WALK_IN, DisputeType.NEIGHBOR, null, true, source);
        CaseChange accepted = new CaseChange.Accepted(null, "青赵调登〔2023〕第0003号", source);
        for (CaseChange c : List.of(received, accepted)) {
            assertThat(CaseChangeJson.read(c.type(), CaseChangeJson.write(c))).isEqualTo(c);
            assertThat(c.text()).contains("registered after the fact (补录) through the API, request sha256 cd34")
                    .doesNotContain("ledger row", "from the ledger");
            assertThat(c.ledger().viaApi()).isTrue();
        }
        // a ledger file's source, stored before the API's, reads as a file's
        CaseChange.LedgerSource file = ((CaseChange.Closed) CaseChangeJson.read("CLOSED",
                "{\"ledger\":{\"sha256\":\"ab12\",\"row\":7}}")).ledger();
        assertThat(file).isEqualTo(new CaseChange.LedgerSource("ab12", 7));
        assertThat(file.viaApi()).isFalse();
    }
}
