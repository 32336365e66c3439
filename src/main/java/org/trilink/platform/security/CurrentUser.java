package org.trilink.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.EnumMap;
import java.util.Map;
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
    private final Map<Role, Boolean> roles = new EnumMap<>(Role.class);
    private String rolesOf;

    public Optional<Staff> staff() {
        if (!loaded) {
            Principal principal = securityContext.getCallerPrincipal();
            staff = principal == null ? null : directory.byUsername(principal.getName()).orElse(null);
            loaded = true;
        }
        return Optional.ofNullable(staff);
    }

    /**
     * The account the identity store has just read to check this request's credentials: the
     * request's other questions (office, roles) use it instead of reading it a second time.
     */
    void accountChecked(Staff account) {
        staff = account;
        loaded = true;
    }

    public String username() {
        Principal principal = securityContext.getCallerPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    public String officeCode() {
        return staff().map(Staff::officeCode).orElse(null);
    }

    /**
     * Whether the caller has the role. Asked several times per request (access rules, lists),
     * and each answer is a JACC policy check: remembered for the request, for the caller it
     * was asked about (a login within the request changes the caller).
     */
    public boolean is(Role role) {
        String caller = username();
        if (!caller.equals(rolesOf)) {
            roles.clear();
            rolesOf = caller;
        }
        return roles.computeIfAbsent(role, r -> securityContext.isCallerInRole(r.name()));
    }

    public boolean admin() {
        return is(Role.ADMIN);
    }
}
