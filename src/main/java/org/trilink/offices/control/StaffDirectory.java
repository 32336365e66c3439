package org.trilink.offices.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.trilink.offices.entity.Staff;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.AccountChanged;
import org.trilink.platform.security.Accounts;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.Passwords;
import org.trilink.platform.security.Role;

/** Finds staff accounts; the district admin creates them, changes their office and roles, resets passwords. */
@ApplicationScoped
public class StaffDirectory implements Accounts {

    private static final Logger LOG = Logger.getLogger(StaffDirectory.class.getName());


    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    OfficeCatalog offices;

    @Inject
    Passwords passwords;

    @Inject
    CurrentUser user;

    @Inject
    org.trilink.platform.security.SecurityAudit audit;

    @Inject
    org.trilink.platform.security.PasswordPolicy policy;

    @Inject
    Event<AccountChanged> changed;

    Clock clock = Clock.systemUTC();

    /**
     * The account with its roles. Read on every authenticated call (so that a change applies at
     * once on every instance): one statement, the roles joined in, not a second select for them.
     */
    @Override
    public Optional<Staff> byUsername(String username) {
        return em.createQuery("select s from Staff s left join fetch s.roles where s.username = :u", Staff.class)
                .setParameter("u", username)
                .getResultList().stream()
                .findFirst();
    }

    /**
     * A member of an office's staff as a ledger names them: by username, or by display name within
     * the office (a name two of its staff share names neither). Former staff count: a ledger names
     * the people who mediated then.
     */
    public Optional<Staff> named(String officeCode, String nameOrUsername) {
        Optional<Staff> byName = byUsername(nameOrUsername).filter(s -> officeCode.equals(s.officeCode()));
        if (byName.isPresent()) {
            return byName;
        }
        List<Staff> shown = em.createQuery("select s from Staff s where s.officeCode = :o and s.displayName = :n",
                        Staff.class)
                .setParameter("o", officeCode).setParameter("n", nameOrUsername).getResultList();
        return shown.size() == 1 ? Optional.of(shown.get(0)) : Optional.empty();
    }

    /**
     * Every staff account, the district's own (admin, drafters: no office) first, then by office and
     * name (the district admin's list, whose first page must not depend on how many office staff there are).
     */
    public List<Staff> all() {
        List<Staff> all = new java.util.ArrayList<>(em.createQuery(
                "select s from Staff s order by s.officeCode, s.username", Staff.class).getResultList());
        all.sort(java.util.Comparator.comparing(s -> s.officeCode() != null)); // stable: names stay in order
        return all;
    }

    public Staff get(String username) {
        return byUsername(username).orElseThrow(() -> ProblemException.notFound("No staff account " + username + "."));
    }

    /** A new account with its first password (kept only as a PBKDF2 hash). The same username twice is a 409. */
    @Transactional
    public Staff create(@NotNull @Valid @ConvertGroup(from = Default.class, to = StaffForm.New.class) StaffForm form) {
        offices.requireAdmin();
        Set<Role> roles = roles(form.getRoles());
        String office = office(form.getOfficeCode(), roles, null);
        if (byUsername(form.getUsername()).isPresent()) {
            throw ProblemException.conflict("A staff account " + form.getUsername() + " exists already.");
        }
        requireGood("password", form.getUsername(), form.getPassword());
        Staff staff = new Staff(form.getUsername(), passwords.hash(form.getPassword()), form.getDisplayName().strip(),
                office, roles, OffsetDateTime.now(clock));
        staff.passwordSetByAdmin(staff.passwordHash()); // the person changes it at the first sign-in
        em.persist(staff);
        remember(staff);
        try {
            em.flush(); // two admins adding the same username at once: the unique key decides
        } catch (PersistenceException e) {
            throw ProblemException.conflict("A staff account " + form.getUsername() + " exists already.");
        }
        changed.fire(new AccountChanged(staff.username()));
        audit.record(org.trilink.platform.security.SecurityAudit.Kind.ACCOUNT_CREATED, user.username(),
                staff.username(), null, "office " + office + ", roles " + roles);
        LOG.info(() -> "Staff account " + staff.username() + " created by " + user.username() + ", roles " + roles);
        return staff;
    }

    /** New display name, office and roles; they apply from the person's next request. */
    @Transactional
    public Staff change(String username, @NotNull @Valid StaffForm form) {
        offices.requireAdmin();
        Staff staff = get(username);
        Set<Role> roles = roles(form.getRoles());
        String office = office(form.getOfficeCode(), roles, staff.officeCode());
        if (username.equals(user.username()) && !roles.contains(Role.ADMIN)) {
            throw ProblemException.conflict("You cannot take the admin role from yourself.");
        }
        String before = "office " + staff.officeCode() + ", roles " + staff.roles();
        staff.change(form.getDisplayName().strip(), office, roles);
        changed.fire(new AccountChanged(username));
        audit.record(org.trilink.platform.security.SecurityAudit.Kind.ACCOUNT_CHANGED, user.username(), username, null,
                before + " -> office " + office + ", roles " + roles);
        LOG.info(() -> "Staff account " + username + " changed by " + user.username() + ": office " + office
                + ", roles " + roles);
        return staff;
    }

    /** The old password stops working at once. */
    @Transactional
    public Staff resetPassword(String username, @NotNull @Valid NewPassword password) {
        offices.requireAdmin();
        Staff staff = get(username);
        setPassword(staff, "password", password.getPassword(), true);
        changed.fire(new AccountChanged(username));
        audit.record(org.trilink.platform.security.SecurityAudit.Kind.PASSWORD_RESET, user.username(), username, null, null);
        LOG.info(() -> "Password of staff account " + username + " reset by " + user.username());
        return staff;
    }

    /** A disabled account signs in no more, and a session it has ends at its next request. */
    @Transactional
    public Staff enable(String username, boolean on) {
        offices.requireAdmin();
        Staff staff = get(username);
        if (!on && username.equals(user.username())) {
            throw ProblemException.conflict("You cannot disable your own account.");
        }
        staff.enable(on);
        changed.fire(new AccountChanged(username));
        audit.record(on ? org.trilink.platform.security.SecurityAudit.Kind.ACCOUNT_ENABLED : org.trilink.platform.security.SecurityAudit.Kind.ACCOUNT_DISABLED, user.username(), username, null, null);
        LOG.info(() -> "Staff account " + username + (on ? " enabled" : " disabled") + " by " + user.username());
        return staff;
    }

    /**
     * A person changes their own password, giving the current one: 400 naming currentPassword
     * when it is wrong, newPassword when the policy refuses the new one.
     */
    @Transactional
    public Staff changeOwnPassword(@NotNull @Valid ChangePassword change) {
        Staff staff = user.username() == null ? null : byUsername(user.username()).orElse(null);
        if (staff == null) {
            throw ProblemException.forbidden("Only staff accounts have passwords here.");
        }
        if (!passwords.verify(change.getCurrentPassword(), staff.passwordHash())) {
            throw ProblemException.badRequest("currentPassword", "is not your current password");
        }
        boolean due = staff.passwordChangeDue();
        setPassword(staff, "newPassword", change.getNewPassword(), false);
        changed.fire(new AccountChanged(staff.username()));
        audit.record(org.trilink.platform.security.SecurityAudit.Kind.PASSWORD_CHANGED, staff.username(),
                staff.username(), null, due ? "the change that was due" : null);
        return staff;
    }

    /** The policy's checks, the last passwords included, then the new hash and its history. */
    private void setPassword(Staff staff, String field, String password, boolean byAdmin) {
        requireGood(field, staff.username(), password);
        @SuppressWarnings("unchecked")
        List<String> earlier = em.createNativeQuery("select password_hash from staff_password_history"
                        + " where username = ? order by changed_at desc")
                .setParameter(1, staff.username()).setMaxResults(policy.history()).getResultList();
        List<String> recent = new java.util.ArrayList<>(earlier);
        recent.add(staff.passwordHash());
        if (policy.reuses(password, recent)) {
            throw ProblemException.badRequest(field, "must not be one of your last " + policy.history() + " passwords");
        }
        if (byAdmin) {
            staff.passwordSetByAdmin(passwords.hash(password));
        } else {
            staff.passwordChangedByOwner(passwords.hash(password));
        }
        remember(staff);
    }

    private void requireGood(String field, String username, String password) {
        List<String> faults = policy.faults(username, password);
        if (!faults.isEmpty()) {
            throw ProblemException.badRequest(field, String.join("; ", faults));
        }
    }

    /** Keeps the new hash among the last ones, and no more of them than the policy looks at. */
    private void remember(Staff staff) {
        em.createNativeQuery("insert into staff_password_history (username, password_hash, changed_at) values (?, ?, ?)")
                .setParameter(1, staff.username()).setParameter(2, staff.passwordHash())
                .setParameter(3, OffsetDateTime.now(clock)).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> keep = em.createNativeQuery("select changed_at from staff_password_history where username = ?"
                        + " order by changed_at desc").setParameter(1, staff.username())
                .setFirstResult(policy.history()).setMaxResults(1).getResultList();
        if (!keep.isEmpty()) {
            em.createNativeQuery("delete from staff_password_history where username = ? and changed_at <= ?")
                    .setParameter(1, staff.username()).setParameter(2, keep.get(0)).executeUpdate();
        }
    }

    private static Set<Role> roles(List<String> codes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : codes) {
            try {
                roles.add(Role.valueOf(code));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.badRequest("roles", "unknown role; one of ADMIN, STAFF, OFFICE_HEAD, DRAFTER, METRICS");
            }
        }
        return roles;
    }

    /**
     * Staff and office heads work for an office, which must be in use (or be the one they work for
     * already); district roles may have none.
     */
    private String office(String code, Set<Role> roles, String current) {
        if (code == null || code.isBlank()) {
            if (roles.contains(Role.STAFF) || roles.contains(Role.OFFICE_HEAD)) {
                throw ProblemException.badRequest("officeCode", "required for STAFF and OFFICE_HEAD");
            }
            return null;
        }
        if (offices.office(code).filter(o -> o.active() || code.equals(current)).isEmpty()) {
            throw ProblemException.badRequest("officeCode", "unknown or disabled office");
        }
        return code;
    }
}
