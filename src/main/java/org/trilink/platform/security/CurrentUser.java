package org.trilink.platform.security;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.entity.Role;
import org.trilink.offices.entity.Staff;

/** Who is calling, and for which office, during one request. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    StaffDirectory directory;

    private Staff staff;
    private boolean loaded;
    /** Whose account {@link #staff} is: a login or logout within the request changes the caller. */
    private String loadedFor;

    public Optional<Staff> staff() {
        Principal principal = securityContext.getCallerPrincipal();
        String caller = principal == null ? null : principal.getName();
        if (!loaded || !Objects.equals(caller, loadedFor)) {
            staff = caller == null ? null : directory.byUsername(caller).orElse(null);
            loadedFor = caller;
            loaded = true;
        }
        return Optional.ofNullable(staff);
    }

    /**
     * The account the identity store or the session check has just read for this request: the
     * request's other questions (office, roles) use it instead of reading it a second time.
     */
    void accountChecked(Staff account) {
        staff = account;
        loadedFor = account.username();
        loaded = true;
    }

    /**
     * Hands an account just read to check a request to that request's CurrentUser, which would
     * otherwise read it a second time; outside a request (no CurrentUser) nothing is told.
     */
    static void accountRead(CurrentUser user, Staff account) {
        try {
            user.accountChecked(account);
        } catch (ContextNotActiveException e) {
            // checked outside a request: whoever asks later reads the account then
        }
    }

    public String username() {
        Principal principal = securityContext.getCallerPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    public String officeCode() {
        return staff().map(Staff::officeCode).orElse(null);
    }

    /**
     * Whether the caller has the role, from the account read for this request: the groups the
     * container was told at login are these roles (StaffIdentityStore, TriLinkAuthentication), and
     * asking the container instead costs a JACC policy check each time.
     */
    public boolean is(Role role) {
        return staff().map(s -> s.has(role)).orElse(false);
    }

    public boolean admin() {
        return is(Role.ADMIN);
    }
}
