package org.trilink.partners.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trilink.partners.control.LedgerColumns;

/** The API's past case as the ledger import's row, and its faults named as the request has them. */
class CaseBackfillRequestTest {

    private static final String CASE = """
            {"ledgerNumber": "台账-7", "channel": "WALK_IN", "disputeType": "NEIGHBOR", "summary": "漏水",
             "regionCode": "310118104", "amountInvolved": 5000.00, "peopleInvolved": 2,
             "parties": [{"role": "RESPONDENT", "kind": "ORGANISATION", "name": "某物业公司"},
                         {"role": "APPLICANT", "kind": "PERSON", "name": "张三"}],
             "receivedAt": "2023-03-01T09:00+08:00", "acceptedAt": "2023-03-02", "mediators": ["mediator", "王调解"],
             "referral": {"from": "PS-ZHAOXIANG", "sentAt": "2023-03-01", "decidedAt": "2023-03-02"},
             "outcome": "SUCCESS", "concludedAt": "2023-03-20",
             "agreement": {"form": "WRITTEN", "terms": "赔偿", "amount": 3000.5, "performanceDeadline": "2023-04-30"},
             "followUps": [{"at": "2023-05-10", "method": "PHONE"}, {"at": "2023-06-10", "satisfaction": 4}],
             "criminalCaseAverted": true, "closedAt": "2023-07-01"}
            """;

    private static CaseBackfillRequest read(String json) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(json, CaseBackfillRequest.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPastCaseIsALedgerRowOfTheImportsOwnKeys() {
        Map<String, String> row = read(CASE).toRow("JO-ZHAOXIANG");
        assertThat(row).containsEntry("ledgerId", "台账-7").containsEntry("handlingOffice", "JO-ZHAOXIANG")
                .containsEntry("applicantName", "张三").containsEntry("respondentName", "某物业公司")
                .containsEntry("respondentKind", "ORGANISATION").containsEntry("amountInvolved", "5000.00")
                .containsEntry("mediators", "mediator、王调解").containsEntry("referralFrom", "PS-ZHAOXIANG")
                .containsEntry("referredAt", "2023-03-01").containsEntry("referralDecidedAt", "2023-03-02")
                .containsEntry("agreementForm", "WRITTEN").containsEntry("agreementAmount", "3000.5")
                .containsEntry("performanceDeadline", "2023-04-30").containsEntry("followUpAt", "2023-05-10")
                .containsEntry("followUpMethod", "PHONE").containsEntry("followUpAt2", "2023-06-10")
                .containsEntry("followUpSatisfaction2", "4").containsEntry("criminalCaseAverted", "true")
                .containsEntry("closedAt", "2023-07-01").doesNotContainKeys("outcomeAt", "filedAt", "referralTo");
        // every key is one the import knows
        for (String key : row.keySet()) {
            assertThat(LedgerColumns.key(key)).as(key).isEqualTo(key);
        }
    }

    @Test
    void aRowsFaultIsNamedByTheRequestsField() {
        assertThat(CaseBackfillRequest.field("ledgerId")).isEqualTo("ledgerNumber");
        assertThat(CaseBackfillRequest.field("followUpAt")).isEqualTo("followUps[0].at");
        assertThat(CaseBackfillRequest.field("followUpSatisfaction3")).isEqualTo("followUps[2].satisfaction");
        assertThat(CaseBackfillRequest.field("referredAt")).isEqualTo("referral.sentAt");
        assertThat(CaseBackfillRequest.field("agreementAmount")).isEqualTo("agreement.amount");
        assertThat(CaseBackfillRequest.field("applicantName")).isEqualTo("parties");
        assertThat(CaseBackfillRequest.field("concludedAt")).isEqualTo("concludedAt");
        assertThat(CaseBackfillRequest.field(null)).isEqualTo("body");
    }

    @Test
    void theSameFactsLaidOutOtherwiseHaveTheSameDigestAndOtherFactsAnother() {
        String sha = read(CASE).sha256();
        assertThat(sha).matches("[0-9a-f]{64}");
        assertThat(read(CASE.replace("\n", " ").replace(", \"closedAt\": \"2023-07-01\"}", "}")
                .replace("{\"ledgerNumber\"", "{\"closedAt\": \"2023-07-01\", \"ledgerNumber\"")).sha256())
                .isEqualTo(sha);
        assertThat(read(CASE.replace("3000.5", "3000.6")).sha256()).isNotEqualTo(sha);
    }
}
