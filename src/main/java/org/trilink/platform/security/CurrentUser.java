package org.trilink.platform.security;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/** Who is calling, and for which office, during one request. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    Accounts accounts;

    private Account account;
    private boolean loaded;
    /** Whose account {@link #account} is: a login or logout within the request changes the caller. */
    private String loadedFor;

    /** The caller's account; empty for an anonymous caller or an account no longer there. */
    public Optional<Account> account() {
        Principal principal = securityContext.getCallerPrincipal();
        String caller = principal == null ? null : principal.getName();
        if (!loaded || !Objects.equals(caller, loadedFor)) {
            account = caller == null ? null : accounts.byUsername(caller).orElse(null);
            loadedFor = caller;
            loaded = true;
        }
        return Optional.ofNullable(account);
    }

    /**
     * The account the identity store or the session check has just read for this request: the
     * request's other questions (office, roles) use it instead of reading it a second time.
     */
    void accountChecked(Account account) {
        this.account = account;
        loadedFor = account.username();
        loaded = true;
    }

    /**
     * Hands an account just read to check a request to that request's CurrentUser, which would
     * otherwise read it a second time; outside a request (no CurrentUser) nothing is told.
     */
    static void accountRead(CurrentUser user, Account account) {
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
        return account().map(Account::officeCode).orElse(null);
    }

    /**
     * Whether the caller has the role, from the account read for this request: the groups the
     * container was told at login are these roles (StaffIdentityStore, TriLinkAuthentication), and
     * asking the container instead costs a JACC policy check each time.
     */
    public boolean is(Role role) {
        return account().map(a -> a.has(role)).orElse(false);
    }

    public boolean admin() {
        return is(Role.ADMIN);
    }
}
