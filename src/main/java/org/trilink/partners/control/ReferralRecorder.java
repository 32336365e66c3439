package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.trilink.cases.control.CaseIntake;
import org.trilink.cases.control.IntakeCommand;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.notifications.control.Notifications;
import org.trilink.partners.entity.Partner;
import org.trilink.partners.entity.PartnerReferral;

/**
 * Stores one accepted referral message: the case received by the target office, the pending
 * referral from the partner, and the partner's key to it, all in one new transaction. The
 * unique (partner, external id) key makes the second of two simultaneous copies fail here.
 */
@ApplicationScoped
public class ReferralRecorder {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseIntake intake;

    @Inject
    PartnerSettings settings;

    @Inject
    Notifications notifications;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PartnerReferral record(Partner partner, String externalId, String contentHash, IntakeCommand command,
                                  String officeCode, Integer officeDeadlineHours, String via) {
        DisputeCase c = intake.registerFromPartner(command, officeCode, partner.code(), externalId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long referralRow = ((Number) em.createNativeQuery("select nextval('referral_seq')").getSingleResult())
                .longValue();
        int hours = officeDeadlineHours != null ? officeDeadlineHours : settings.referralDeadlineHours();
        em.createNativeQuery("insert into referral (id, case_id, from_office_code, to_office_code, from_partner,"
                        + " reason, status, sent_at, sent_by, deadline, overdue, version)"
                        + " values (?, ?, null, ?, ?, ?, 'PENDING', ?, ?, ?, false, 0)")
                .setParameter(1, referralRow)
                .setParameter(2, c.id())
                .setParameter(3, officeCode)
                .setParameter(4, partner.code())
                .setParameter(5, "Referral " + externalId + " from partner " + partner.name())
                .setParameter(6, now)
                .setParameter(7, "partner:" + partner.code())
                .setParameter(8, now.plusHours(hours))
                .executeUpdate();
        PartnerReferral r = new PartnerReferral(UUID.randomUUID().toString(), partner.code(), externalId, contentHash,
                c.id(), c.caseNumber(), referralRow, via, now);
        em.persist(r);
        em.flush();
        // the receiving office hears of it, in this transaction like the referral itself
        notifications.referralArrived(c, referralRow);
        return r;
    }
}
