package org.trilink.cases.boundary;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.cases.entity.CaseEvent;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Party;
import org.trilink.platform.validation.IdentityNumbers;
import org.trilink.platform.JsonTrees;

/** What the API answers about cases. Personal data is masked unless {@code full} is asked for. */
public final class CaseViews {

    private CaseViews() {
    }

    public record PartyView(String role, String kind, String name, String idNumber, String creditCode,
                            String phone, String address) {
        static PartyView of(Party p, boolean full) {
            return new PartyView(p.role().name(), p.kind().name(), p.name(),
                    full ? p.idNumber() : IdentityNumbers.maskId(p.idNumber()),
                    p.creditCode(),
                    full ? p.phone() : IdentityNumbers.maskPhone(p.phone()),
                    full ? p.address() : null);
        }
    }

    /** A case in a list: enough to find it, personal data masked. */
    public record CaseSummary(String caseNumber, String registerNumber, String matterKind, String status, String channel,
                              String disputeType, String summary, String regionCode, String handlingOfficeCode,
                              String riskLevel, OffsetDateTime receivedAt, OffsetDateTime acceptedAt,
                              String outcome, List<PartyView> parties) {
        public static CaseSummary of(DisputeCase c) {
            return new CaseSummary(c.caseNumber(), c.registerNumber(), c.matterKind().name(), c.status().name(), c.channel().name(),
                    c.disputeType().name(), c.summary(), c.regionCode(), c.handlingOfficeCode(),
                    c.riskLevel().name(), c.receivedAt(), c.acceptedAt(),
                    c.outcome() == null ? null : c.outcome().name(),
                    c.parties().stream().map(p -> PartyView.of(p, false)).toList());
        }
    }

    /**
     * One case, whole. {@code personalDataShown} says whether ID numbers and phones are unmasked;
     * the averted escalations' people are null where not recorded.
     */
    public record CaseDetail(String caseNumber, String registerNumber, String agreementNumber,
                             String ledgerNumber, String matterKind, String status, String channel,
                             String intakeMode, String disputeType, String summary, String regionCode,
                             String address, BigDecimal amountInvolved, int peopleInvolved, String riskLevel,
                             String receivingOfficeCode, String handlingOfficeCode, OffsetDateTime occurredAt,
                             OffsetDateTime receivedAt, OffsetDateTime acceptedAt, OffsetDateTime declinedAt,
                             String declineReason, String declineGuidance, String outcome,
                             OffsetDateTime outcomeAt, String agreementForm, String agreementTerms,
                             BigDecimal agreementAmount, LocalDate performanceDeadline, String failureReason,
                             String failureGuidance, LocalDate followUpDue, OffsetDateTime closedAt,
                             String adminResolution, long version, boolean personalDataShown,
                             List<PartyView> parties, List<String> possibleDuplicates,
                             boolean criminalCaseAverted, Integer criminalCaseAvertedPeople,
                             boolean massPetitionAverted, Integer massPetitionAvertedPeople) {
        public static CaseDetail of(DisputeCase c, boolean full, List<String> possibleDuplicates) {
            return new CaseDetail(c.caseNumber(), c.registerNumber(), c.agreementNumber(), c.ledgerNumber(),
                    c.matterKind().name(), c.status().name(), c.channel().name(),
                    c.intakeMode().name(), c.disputeType().name(), c.summary(), c.regionCode(),
                    full ? c.address() : null, c.amountInvolved(), c.peopleInvolved(), c.riskLevel().name(),
                    c.receivingOfficeCode(), c.handlingOfficeCode(), c.occurredAt(), c.receivedAt(),
                    c.acceptedAt(), c.declinedAt(), c.declineReason(), c.declineGuidance(),
                    c.outcome() == null ? null : c.outcome().name(), c.outcomeAt(),
                    c.agreementForm() == null ? null : c.agreementForm().name(), c.agreementTerms(),
                    c.agreementAmount(), c.performanceDeadline(), c.failureReason(), c.failureGuidance(),
                    c.followUpDue(), c.closedAt(), c.adminResolution(), c.version(), full,
                    c.parties().stream().map(p -> PartyView.of(p, full)).toList(),
                    possibleDuplicates, c.averted().criminalCase(), c.averted().criminalCasePeople(),
                    c.averted().massPetition(), c.averted().massPetitionPeople());
        }
    }

    /**
     * An event of a case's history: {@code detail} in the words the API has always used, rendered
     * from the typed change, and {@code change} its typed fields (as stored); {@code backfilled}
     * for a change entered after the fact (补录).
     */
    public record EventView(long id, String type, OffsetDateTime occurredAt, String actor, String officeCode,
                            String detail, String before, String after, JsonObject change, boolean backfilled) {
        public static EventView of(CaseEvent e) {
            JsonObject change = JsonTrees.object(e.changeJson());
            return new EventView(e.id(), e.type(), e.occurredAt(), e.actor(), e.officeCode(), e.detail(),
                    e.beforeState(), e.afterState(), change, e.backfilled());
        }
    }

    public record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
