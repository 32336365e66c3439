package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.trilink.cases.control.CaseEventRecorded;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.outbox.control.OutboxWriter;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.partners.entity.Partner;
import org.trilink.partners.entity.PartnerReferral;

/**
 * Hears the case history (in the transaction of the change) and writes the partner's callback
 * into the outbox: a crash after the commit loses nothing, a rollback sends nothing. The event
 * id is derived from the referral and the event, so the same change never makes two callbacks.
 */
@ApplicationScoped
public class PartnerCallbacks {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    PartnerRegistry registry;

    @Inject
    OutboxWriter outbox;

    Clock clock = Clock.systemUTC();

    void onCaseEvent(@Observes CaseEventRecorded recorded) {
        DisputeCase c = recorded.disputeCase();
        if (c.sourcePartner() == null || c.externalId() == null || recorded.backfilled()) {
            return;
        }
        CaseChange change = recorded.change();
        String event = switch (change.kind()) {
            case REFERRAL_ACCEPTED -> "ACCEPTED";
            case REFERRAL_REJECTED -> "REJECTED";
            case OUTCOME_RECORDED -> "CONCLUDED";
            // a ledger's outcome is entered after the fact: the partner heard nothing then either
            case RECEIVED, ACCEPTED, DECLINED, REFERRED, REFERRAL_RECALLED, REFERRAL_OVERDUE, JOINED,
                    MEDIATOR_ASSIGNED, MEDIATION_STARTED, SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_CANCELLED,
                    SESSION_HELD, LEDGER_OUTCOME, FOLLOW_UP_RECORDED, FOLLOW_UP_OVERDUE, RISK_CHANGED, CLOSED,
                    ADMIN_FILED, ADMIN_RESOLVED, PARTY_CORRECTED, DOCUMENT_GENERATED, DOCUMENT_DOWNLOADED,
                    SIGNED_COPY_UPLOADED, PARTY_VIEWED_ONLINE, CORRECTION_REQUESTED, CORRECTION_DECLINED, AGREEMENT_SIGNED, AGREEMENT_SEALED, PARTY_RATED -> null;
        };
        if (event != null) {
            Long referralId = change instanceof CaseChange.ReferralAccepted a ? a.referralId()
                    : change instanceof CaseChange.ReferralRejected r ? Long.valueOf(r.referralId()) : null;
            String rejectionReason = change instanceof CaseChange.ReferralRejected r ? r.reason() : null;
            callback(c, event, recorded.event().occurredAt(), referralId, rejectionReason);
        }
    }

    /**
     * Writes the callback for a partner's referral, unless the partner has none or it exists already.
     *
     * @param referralId the referral an ACCEPTED or REJECTED is about: another referral of the
     *                   same case (from office to office, later) is not the partner's
     */
    public Optional<OutboxMessage> callback(DisputeCase c, String event, OffsetDateTime occurredAt, Long referralId,
                                            String rejectionReason) {
        Partner partner = registry.find(c.sourcePartner()).orElse(null);
        if (partner == null || partner.callbackUrl() == null) {
            return Optional.empty();
        }
        PartnerReferral r = em.createQuery("select r from PartnerReferral r where r.partnerCode = :p"
                        + " and r.externalId = :e", PartnerReferral.class)
                .setParameter("p", partner.code())
                .setParameter("e", c.externalId())
                .getResultStream().findFirst().orElse(null);
        if (r == null) {
            return Optional.empty();
        }
        if (("ACCEPTED".equals(event) || "REJECTED".equals(event))
                && (referralId == null || referralId.longValue() != r.referralRowId())) {
            return Optional.empty();
        }
        if ("CONCLUDED".equals(event) && c.outcome() == null) {
            return Optional.empty();
        }
        String eventId = UUID.nameUUIDFromBytes((r.referralId() + ":" + event).getBytes(StandardCharsets.UTF_8))
                .toString();
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("eventId", eventId)
                .add("event", event)
                .add("occurredAt", (occurredAt != null ? occurredAt : OffsetDateTime.now(clock))
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .add("referralId", r.referralId())
                .add("externalId", r.externalId())
                .add("caseNumber", r.caseNumber());
        if ("REJECTED".equals(event) && rejectionReason != null) {
            body.add("rejectionReason", rejectionReason);
        } else {
            body.addNull("rejectionReason");
        }
        if ("CONCLUDED".equals(event)) {
            body.add("outcome", ReferralStatus.outcome(c.outcome().name(),
                    c.agreementForm() == null ? null : c.agreementForm().name(),
                    ReferralStatus.timestamp(c.outcomeAt())));
        } else {
            body.addNull("outcome");
        }
        return outbox.add(new OutboxMessage(eventId, partner.code(), "CALLBACK", event, partner.callbackUrl(),
                body.build().toString(), OffsetDateTime.now(clock)));
    }
}
