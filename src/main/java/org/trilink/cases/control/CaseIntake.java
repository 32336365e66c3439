package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseParticipant;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Party;
import org.trilink.cases.entity.PartyRole;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/** Registers a dispute (登记): the case, its parties, the office handling it, and the first event. */
@ApplicationScoped
public class CaseIntake {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    OfficeCatalog offices;

    @Inject
    CaseNumbers numbers;

    @Inject
    CaseHistory history;

    @Inject
    CaseAccess access;

    @Inject
    CurrentUser user;

    Clock clock = Clock.systemUTC();

    /**
     * Registers the dispute for the caller's office (an admin names the office). Every rule
     * is checked before anything is written, and all of it is one transaction.
     */
    @Transactional
    public DisputeCase register(IntakeCommand command) {
        access.requireCaseWorker();
        List<Problem.FieldError> errors = new ArrayList<>();
        checkRegion(command, errors);
        String officeCode = receivingOffice(command.receivingOfficeCode(), errors);
        checkParties(command, errors);
        return create(command, officeCode, user.username(), null, null, null, null, c -> { });
    }

    /**
     * Registers a party's own application made through the parties' door (issue 24, channel
     * ONLINE): no staff login; the party's phone was proven by a code at the boundary. The same
     * rules as staff intake apply; the case lands in {@code officeCode}'s inbox (RECEIVED), the
     * actor in the history is {@code actor} (e.g. {@code party:online}). The same-parties warning
     * goes to the office's staff, who see {@link #openCasesWithSameParties} on the case: telling
     * the applicant would tell anyone which ID numbers have open cases.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisputeCase registerOnline(IntakeCommand command, String officeCode, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkRegion(command, errors);
        Office office = officeCode == null ? null : offices.office(officeCode).orElse(null);
        if (office == null || !office.active()) {
            errors.add(new Problem.FieldError("officeCode", "unknown or inactive office"));
        }
        if (command.channel() != org.trilink.cases.entity.Channel.ONLINE) {
            errors.add(new Problem.FieldError("channel", "an online application has the channel ONLINE"));
        }
        checkParties(command, errors);
        return create(command, officeCode, actor, null, null, null, null, c -> { });
    }

    private void checkRegion(IntakeCommand command, List<Problem.FieldError> errors) {
        if (!offices.isRegion(command.regionCode())) {
            errors.add(new Problem.FieldError("regionCode", "unknown region code"));
        }
    }

    /** The last of the rules every intake shares; 400 listing every faulty field found. */
    private void checkParties(IntakeCommand command, List<Problem.FieldError> errors) {
        if (command.parties().stream().noneMatch(p -> p.role() == PartyRole.APPLICANT)) {
            errors.add(new Problem.FieldError("parties", "at least one APPLICANT is required"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The request has invalid fields.")
                    .withErrors(errors));
        }
    }

    /** A dispute just registered, as its registering caller sees it. */
    public record Registered(DisputeCase disputeCase, boolean personalDataShown, List<String> openCasesWithSameParties) {
    }

    /**
     * Registers the dispute and prepares the caller's answer in the same transaction: the view
     * of its personal data is recorded, and open cases of the same parties are looked up. One
     * transaction, not three: it is the API's busiest write (issue 8 measures it).
     */
    @Transactional
    public Registered registerForCaller(IntakeCommand command) {
        DisputeCase c = register(command);
        boolean full = access.revealPersonalData(c, "INTAKE");
        return new Registered(c, full, openCasesWithSameParties(c));
    }

    /**
     * Registers a dispute handed over by a partner agency's system (issue 4): no staff login is
     * involved; the partner's signature was checked at the boundary, the receiving office and the
     * region already validated there. The actor in the history is {@code partner:<code>}.
     *
     * @param arrived what comes with the case (the partner's referral), written once the case is
     *                and before its reception is recorded, so that the change's listeners find it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisputeCase registerFromPartner(IntakeCommand command, String receivingOfficeCode, String partnerCode,
                                           String externalId, Consumer<DisputeCase> arrived) {
        return create(command, receivingOfficeCode, "partner:" + partnerCode, partnerCode, externalId, null, null, arrived);
    }

    /**
     * Registers a case from an office's historical ledger (台账, issue 4), received when the
     * ledger says, so that statistics count it in its own period. Checked by the importer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisputeCase registerFromLedger(IntakeCommand command, String receivingOfficeCode, String actor,
                                          OffsetDateTime receivedAt) {
        return registerFromLedger(command, receivingOfficeCode, actor, receivedAt, null, null);
    }

    /**
     * As above, its receipt recorded with the ledger file and row it was read from, and the number
     * the case had in the ledger (null: none kept), given before the receipt is recorded so that the
     * case is found by it from the start.
     */
    public DisputeCase registerFromLedger(IntakeCommand command, String receivingOfficeCode, String actor,
                                          OffsetDateTime receivedAt, CaseChange.LedgerSource ledger,
                                          String ledgerNumber) {
        return create(command, receivingOfficeCode, actor, null, null, receivedAt, ledger,
                c -> c.fromLedger(ledgerNumber));
    }

    private DisputeCase create(IntakeCommand command, String officeCode, String actor, String partnerCode,
                               String externalId, OffsetDateTime receivedAt, CaseChange.LedgerSource ledger,
                               Consumer<DisputeCase> arrived) {
        OffsetDateTime now = receivedAt != null ? receivedAt
                : OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        DisputeCase c = new DisputeCase(numbers.next(now), command.matterKind(), command.channel(),
                command.intakeMode() != null ? command.intakeMode() : IntakeCommand.modeFor(command.channel()),
                command.disputeType(), command.summary().strip(), command.regionCode(), command.address(),
                command.amountInvolved(), command.peopleInvolved(), command.riskLevel(), officeCode,
                command.occurredAt(), now, actor);
        if (partnerCode != null) {
            c.fromPartner(partnerCode, externalId);
        }
        for (IntakeCommand.PartyData p : command.parties()) {
            c.addParty(new Party(p.role(), p.kind(), p.name().strip(), p.idNumber(), p.creditCode(), p.phone(),
                    p.address()));
        }
        em.persist(c);
        em.persist(new CaseParticipant(c, officeCode, CaseParticipant.Part.HANDLING, now));
        arrived.accept(c);
        if (receivedAt != null) {
            history.backfill(c, new CaseChange.Received(c.channel(), c.disputeType(), null, true, ledger), null,
                    CaseStatus.RECEIVED.name(), now, actor, officeCode);
        } else if (partnerCode == null && actor.startsWith("party:")) {
            history.record(c, new CaseChange.Received(c.channel(), c.disputeType(), null, false), null,
                    CaseStatus.RECEIVED.name(), now, actor, null);
        } else if (partnerCode == null) {
            history.record(c, new CaseChange.Received(c.channel(), c.disputeType(), null, false), null,
                    CaseStatus.RECEIVED.name(), now);
        } else {
            history.record(c, new CaseChange.Received(c.channel(), c.disputeType(), partnerCode, false), null,
                    CaseStatus.RECEIVED.name(), now, actor, null);
        }
        return c;
    }

    private String receivingOffice(String requested, List<Problem.FieldError> errors) {
        String own = user.officeCode();
        if (requested == null || requested.isBlank()) {
            if (own == null) {
                errors.add(new Problem.FieldError("receivingOfficeCode",
                        "required: you do not work for an office, so name the receiving office"));
            }
            return own;
        }
        Office office = offices.office(requested).orElse(null);
        if (office == null || !office.active()) {
            errors.add(new Problem.FieldError("receivingOfficeCode", "unknown or inactive office"));
        } else if (!user.admin() && !Objects.equals(requested, own)) {
            throw ProblemException.forbidden("Staff register disputes for their own office only.");
        }
        return requested;
    }

    /**
     * Open cases, visible to the caller, in which a party with the same ID number or credit
     * code already appears: the same dispute may be registered twice.
     */
    public List<String> openCasesWithSameParties(DisputeCase c) {
        return openCasesWithParties(c.parties().stream()
                .map(p -> p.idNumber() != null ? p.idNumber() : p.creditCode()).toList(), c.id());
    }

    /**
     * The same check before a dispute is saved: open cases, visible to the caller, in which one
     * of these ID numbers or credit codes already appears ({@code self}: a case to leave out).
     */
    public List<String> openCasesWithParties(java.util.Collection<String> identifiers, Long self) {
        List<String> ids = identifiers.stream().filter(Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // The cases of these parties first (the party indexes find a handful), then the caller's
        // part in each by its key: a query joining the office's participations is planned from
        // table statistics, and with stale ones PostgreSQL hashed all of an office's cases on
        // every intake (8 to 200 ms at 15,000; docs/benchmarks.md). Newest first: the case a
        // clerk is most likely logging twice is the one logged a moment ago.
        List<Object[]> candidates = em.createQuery("select distinct c.id, c.caseNumber from DisputeCase c, Party p"
                        + " where p.disputeCase = c and c.id <> :self and c.status not in :closed"
                        + " and (p.idNumber in :ids or p.creditCode in :ids) order by c.id desc", Object[].class)
                .setParameter("self", self == null ? -1L : self)
                .setParameter("closed", List.of(CaseStatus.CLOSED, CaseStatus.DECLINED))
                .setParameter("ids", ids)
                .setMaxResults(200)
                .getResultList();
        return candidates.stream().filter(row -> access.mayList((Long) row[0])).map(row -> (String) row[1])
                .limit(20).toList();
    }
}
