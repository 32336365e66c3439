package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.trilink.cases.control.CaseEventRecorded;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Party;
import org.trilink.outbox.control.OutboxWriter;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.platform.problem.ProblemException;

/**
 * Referring a case from an office to a partner agency: when the office a case is referred to
 * stands for a partner (the court, the cross-province committee), the contract's referral
 * message goes to that partner's referral URL through the outbox, in the transaction of the
 * referral: signed with the partner's secret, retried, dead-lettered, never sent twice. The
 * message's externalId is TriLink's own (case number and referral id), so the partner's
 * idempotency makes a repeated delivery harmless.
 */
@ApplicationScoped
public class OutboundReferrals {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    OutboxWriter outbox;

    Clock clock = Clock.systemUTC();

    /** Which office a partner stands for and where its referrals go; empty when it takes none. */
    public record Outbound(String partnerCode, String officeCode, String referralUrl) {
    }

    void onCaseEvent(@Observes CaseEventRecorded recorded) {
        if (recorded.backfilled()) {
            return; // a referral entered after the fact was sent (or not) back then
        }
        CaseChange change = recorded.change();
        // a switch expression, so that a new kind of change must be decided here
        CaseChange.Referred referred = switch (change.kind()) {
            case REFERRED -> (CaseChange.Referred) change;
            case RECEIVED, ACCEPTED, DECLINED, REFERRAL_ACCEPTED, REFERRAL_REJECTED, REFERRAL_RECALLED,
                    REFERRAL_OVERDUE, JOINED, MEDIATOR_ASSIGNED, MEDIATION_STARTED, SESSION_SCHEDULED,
                    SESSION_RESCHEDULED, SESSION_CANCELLED, SESSION_HELD, OUTCOME_RECORDED, LEDGER_OUTCOME,
                    FOLLOW_UP_RECORDED, FOLLOW_UP_OVERDUE, RISK_CHANGED, CLOSED, ADMIN_FILED, ADMIN_RESOLVED,
                    PARTY_CORRECTED, DOCUMENT_GENERATED, DOCUMENT_DOWNLOADED, SIGNED_COPY_UPLOADED,
                    PARTY_VIEWED_ONLINE, CORRECTION_REQUESTED, CORRECTION_DECLINED, AGREEMENT_SIGNED, AGREEMENT_SEALED, PARTY_RATED -> null;
        };
        if (referred != null && referred.referralId() != null) {
            refer(recorded.disputeCase(), referred.referralId(), referred.toOffice());
        }
    }

    /** Writes the referral message for the partner standing for {@code officeCode}, if there is one. */
    public Optional<OutboxMessage> refer(DisputeCase c, long referralId, String officeCode) {
        List<?> rows = em.createNativeQuery("select code, referral_url from partner where outbound_office_code = ?"
                + " and enabled = true and referral_url is not null order by code").setParameter(1, officeCode)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] partner = (Object[]) rows.get(0);
        String eventId = UUID.nameUUIDFromBytes(("outbound-referral:" + referralId).getBytes(StandardCharsets.UTF_8))
                .toString();
        return outbox.add(new OutboxMessage(eventId, (String) partner[0], "REFERRAL", "REFERRED",
                (String) partner[1], message(c, referralId), OffsetDateTime.now(clock)));
    }

    /** The contract's referral message (partner-exchange-v1) for a case of this district. */
    static String message(DisputeCase c, long referralId) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("externalId", c.caseNumber() + "-R" + referralId)
                .add("channel", c.channel().name());
        if (c.occurredAt() != null) {
            b.add("occurredAt", c.occurredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        b.add("disputeType", c.disputeType().name())
                .add("summary", c.summary())
                .add("regionCode", c.regionCode());
        if (c.address() != null) {
            b.add("address", c.address());
        }
        if (c.amountInvolved() != null) {
            b.add("amountInvolved", c.amountInvolved());
        }
        b.add("peopleInvolved", c.peopleInvolved());
        if (c.riskLevel() != null) {
            b.add("riskLevel", c.riskLevel().name());
        }
        JsonArrayBuilder parties = Json.createArrayBuilder();
        for (Party p : c.parties()) {
            JsonObjectBuilder party = Json.createObjectBuilder().add("role", p.role().name()).add("kind", p.kind().name())
                    .add("name", p.name());
            if (p.idNumber() != null) {
                party.add("idNumber", p.idNumber());
            }
            if (p.creditCode() != null) {
                party.add("creditCode", p.creditCode());
            }
            if (p.phone() != null) {
                party.add("phone", p.phone());
            }
            parties.add(party);
        }
        return b.add("parties", parties).build().toString();
    }

    public Optional<Outbound> of(String partnerCode) {
        List<?> rows = em.createNativeQuery("select code, outbound_office_code, referral_url from partner where code = ?")
                .setParameter(1, partnerCode).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No partner " + partnerCode + ".");
        }
        Object[] r = (Object[]) rows.get(0);
        return r[1] == null ? Optional.empty() : Optional.of(new Outbound((String) r[0], (String) r[1], (String) r[2]));
    }

    /** Makes a partner stand for an office (or, with nulls, no longer). */
    @Transactional
    public Optional<Outbound> configure(String partnerCode, String officeCode, String referralUrl) {
        of(partnerCode);
        em.createNativeQuery("update partner set outbound_office_code = ?, referral_url = ? where code = ?")
                .setParameter(1, officeCode).setParameter(2, referralUrl).setParameter(3, partnerCode).executeUpdate();
        return of(partnerCode);
    }
}
