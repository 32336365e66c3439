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
}
