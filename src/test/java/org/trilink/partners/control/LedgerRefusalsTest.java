package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilink.cases.boundary.PartyRequest;

/** A refused ledger row's reasons as codes, naming the ledger's own columns, for the page to word. */
class LedgerRefusalsTest {

    @Test
    void fieldsOfTheMessageAreNamedByTheLedgerColumnTheyCameFrom() {
        assertThat(LedgerImport.column("externalId")).isEqualTo("ledgerId");
        assertThat(LedgerImport.column("parties[0].idNumber")).isEqualTo("applicantIdNumber");
        assertThat(LedgerImport.column("parties[0].phone")).isEqualTo("applicantPhone");
        assertThat(LedgerImport.column("parties[1].kind")).isEqualTo("respondentKind");
        assertThat(LedgerImport.column("summary")).isEqualTo("summary");
    }

    @Test
    void eachBrokenConstraintHasAKnownCode() {
        ReferralMessage m = new ReferralMessage();
        m.externalId = "L".repeat(65);
        m.channel = "LEDGER_IMPORT";
        m.disputeType = "NO_SUCH_TYPE";
        m.regionCode = "310118104";
        m.peopleInvolved = 0;
        PartyRequest applicant = new PartyRequest();
        applicant.role = "APPLICANT";
        applicant.kind = "PERSON";
        applicant.name = "张三";
        applicant.idNumber = "110105194912310021"; // wrong check digit
        applicant.phone = "2380013800";
        m.parties = new ArrayList<>(List.of(applicant));
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            List<LedgerImport.Refusal> refusals = factory.getValidator().validate(m).stream()
                    // Hibernate Validator's path reads like PartnerIntake's field names
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> LedgerImport.refusal(LedgerImport.column(v.getPropertyPath().toString()), v))
                    .toList();
            assertThat(refusals).containsExactly(
                    new LedgerImport.Refusal("disputeType", "unknownCode", null),
                    new LedgerImport.Refusal("ledgerId", "tooLong", "64"),
                    new LedgerImport.Refusal("applicantIdNumber", "residentId", null),
                    new LedgerImport.Refusal("applicantPhone", "mobile", null),
                    new LedgerImport.Refusal("peopleInvolved", "outOfRange", null),
                    new LedgerImport.Refusal("summary", "required", null));
            assertThat(refusals).allSatisfy(r -> assertThat(LedgerImport.REFUSAL_CODES).contains(r.code()));
        }
    }

    @Test
    void avertedEscalationsComeWithTheirPeopleAndACountImpliesItsFlag() {
        LedgerImport.Faults faults = new LedgerImport.Faults();
        // the report's own columns: the flag and its people, or the people alone
        assertThat(LedgerImport.averted(java.util.Map.of("criminalCaseAverted", "是", "criminalCaseAvertedPeople", "3人",
                "massPetitionAvertedPeople", "12"), faults))
                .isEqualTo(new org.trilink.cases.entity.Averted(true, 3, true, 12));
        // a flag without people stays a flag; 0 people and 否 are none
        assertThat(LedgerImport.averted(java.util.Map.of("criminalCaseAverted", "√", "massPetitionAverted", "否",
                "massPetitionAvertedPeople", "0"), faults))
                .isEqualTo(new org.trilink.cases.entity.Averted(true, null, false, null));
        assertThat(faults.refusals).isEmpty();

        LedgerImport.Faults refused = new LedgerImport.Faults();
        LedgerImport.averted(java.util.Map.of("criminalCaseAverted", "否", "criminalCaseAvertedPeople", "2",
                "massPetitionAvertedPeople", "2.5"), refused);
        LedgerImport.averted(java.util.Map.of("criminalCaseAverted", "是", "criminalCaseAvertedPeople", "0",
                "massPetitionAvertedPeople", "100001"), refused);
        LedgerImport.averted(java.util.Map.of("criminalCaseAvertedPeople", "三人"), refused);
        assertThat(refused.refusals).containsExactly(
                new LedgerImport.Refusal("criminalCaseAvertedPeople", "peopleWithoutFlag", null),
                new LedgerImport.Refusal("massPetitionAvertedPeople", "notAWholeNumber", null),
                new LedgerImport.Refusal("criminalCaseAvertedPeople", "outOfRange", null),
                new LedgerImport.Refusal("massPetitionAvertedPeople", "outOfRange", null),
                new LedgerImport.Refusal("criminalCaseAvertedPeople", "notAWholeNumber", null));
        assertThat(refused.refusals).allSatisfy(r -> assertThat(LedgerImport.REFUSAL_CODES).contains(r.code()));
    }

    @Test
    void thePeopleColumnsAreFoundByTheirChineseHeaders() {
        assertThat(LedgerColumns.key("防止民转刑人数")).isEqualTo("criminalCaseAvertedPeople");
        assertThat(LedgerColumns.key("防止群体性上访人数")).isEqualTo("massPetitionAvertedPeople");
        assertThat(LedgerColumns.key("massPetitionAvertedPeople")).isEqualTo("massPetitionAvertedPeople");
        // the report tables' heads: cases and people of the same escalation
        assertThat(LedgerColumns.key("防止民转刑（件）")).isEqualTo("criminalCaseAverted");
        assertThat(LedgerColumns.key("防止民转刑（人）")).isEqualTo("criminalCaseAvertedPeople");
        assertThat(LedgerColumns.key("防止群体性上访(人)")).isEqualTo("massPetitionAvertedPeople");
    }
}
