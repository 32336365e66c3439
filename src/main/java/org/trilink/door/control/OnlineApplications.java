package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseIntake;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.documents.control.OfficePosters;
import org.trilink.platform.problem.ProblemException;

/** Online applications as the office's staff see them, and the offices' posters that invite them. */
@ApplicationScoped
public class OnlineApplications {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseAccess access;

    @Inject
    CaseIntake intake;

    @Inject
    OfficePosters posters;

    @Inject
    DoorSettings settings;

    /** The consent an application came with, and the intake's same-parties warning for this caller. */
    public record Application(String caseNumber, OffsetDateTime consentGivenAt, String noticeVersion,
                              List<String> openCasesWithSameParties) implements java.io.Serializable {
    }

    public Application of(String caseNumber) {
        DisputeCase c = access.visible(caseNumber);
        if (c.channel() != Channel.ONLINE) {
            throw ProblemException.notFound("Case " + caseNumber + " was not applied for online.");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> consent = em.createNativeQuery("select given_at, notice_version from privacy_consent"
                + " where case_id = ? and purpose = 'APPLY' order by given_at").setParameter(1, c.id()).getResultList();
        return new Application(c.caseNumber(), consent.isEmpty() ? null : PartyPasses.time(consent.get(0)[0]),
                consent.isEmpty() ? null : (String) consent.get(0)[1], intake.openCasesWithSameParties(c));
    }

    public byte[] poster(DoorOffices.Town office, String applyUrl) {
        return posters.poster(office.officeNameZh(), office.officeNameEn(), applyUrl);
    }

    public Optional<String> publicUrl() {
        return settings.publicUrl();
    }
}
