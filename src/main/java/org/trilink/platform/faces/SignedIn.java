package org.trilink.platform.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.trilink.offices.entity.Role;
import org.trilink.offices.entity.Staff;
import org.trilink.platform.security.CurrentUser;

/** The signed-in person as the pages show them, and what the menu offers them. */
@Named("me")
@RequestScoped
public class SignedIn {

    @Inject
    CurrentUser user;

    @Inject
    Labels labels;

    public boolean isPresent() {
        return user.staff().isPresent();
    }

    public String getName() {
        return user.staff().map(Staff::displayName).orElse(user.username());
    }

    public String getUsername() {
        return user.username();
    }

    public String getOfficeCode() {
        return user.officeCode();
    }

    public String getOfficeName() {
        String office = user.officeCode();
        return office == null ? labels.text("office.district") : labels.office(office);
    }

    /** Staff, office heads and the district admin work on cases; drafters do not. */
    public boolean isCaseWorker() {
        return user.admin() || user.is(Role.STAFF) || user.is(Role.OFFICE_HEAD);
    }

    /** Report drafters read the statistics (portal2). */
    public boolean isDrafter() {
        return user.is(Role.DRAFTER);
    }

    public boolean isAdmin() {
        return user.admin();
    }
}
