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
import org.trilink.platform.Configured;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.referrals.entity.Referral;

/**
 * Stores one accepted referral message: the case received by the target office, the pending
 * referral from the partner, and the partner's key to it, all in one new transaction, written
 * together at its commit. The unique (partner, external id) key makes the second of two
 * simultaneous copies fail here.
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
    WorkingCalendar calendar;

    @Inject
    Notifications notifications;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PartnerReferral record(Partner partner, String externalId, String contentHash, IntakeCommand command,
                                  String officeCode, Integer officeDeadlineHours, String via) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        int hours = officeDeadlineHours != null ? officeDeadlineHours : settings.referralDeadlineHours();
        Referral[] arrived = new Referral[1];
        // the referral is written with its case, before the case's reception is recorded: the
        // change's listeners (statistics' facts of the case) find it
        DisputeCase c = intake.registerFromPartner(command, officeCode, partner.code(), externalId, created -> {
            // working hours, as for a referral from another office: a partner's referral on Friday
            // evening is not overdue before the office has had its working days
            arrived[0] = Referral.fromPartner(created.id(), partner.code(), officeCode,
                    "Referral " + externalId + " from partner " + partner.name(), now, "partner:" + partner.code(),
                    calendar.plusWorkingHours(now, hours)).countedIn(hours);
            em.persist(arrived[0]);
        });
        Referral referral = arrived[0];
        PartnerReferral r = new PartnerReferral(UUID.randomUUID().toString(), partner.code(), externalId, contentHash,
                c.id(), c.caseNumber(), referral.id(), via, now);
        em.persist(r);
        // the receiving office hears of it, in this transaction like the referral itself
        notifications.referralArrived(c, referral.id(), referral.toOfficeCode(), referral.deadline());
        return r;
    }
}
