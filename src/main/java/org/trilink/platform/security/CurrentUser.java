package org.trilink.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
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

    public Optional<Staff> staff() {
        if (!loaded) {
            Principal principal = securityContext.getCallerPrincipal();
            staff = principal == null ? null : directory.byUsername(principal.getName()).orElse(null);
            loaded = true;
        }
        return Optional.ofNullable(staff);
    }

    public String username() {
        Principal principal = securityContext.getCallerPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    public String officeCode() {
        return staff().map(Staff::officeCode).orElse(null);
    }

    public boolean is(Role role) {
        return securityContext.isCallerInRole(role.name());
    }

    public boolean admin() {
        return is(Role.ADMIN);
    }
}
