package org.trilink.platform.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.trilink.platform.security.Account;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.Role;

/** The signed-in person as the pages show them, and what the menu offers them. */
@Named("me")
@RequestScoped
public class SignedIn {

    @Inject
    CurrentUser user;


    public boolean isPresent() {
        return user.account().isPresent();
    }

    public String getName() {
        return user.account().map(Account::displayName).orElse(user.username());
    }

    public String getUsername() {
        return user.username();
    }

    public String getOfficeCode() {
        return user.officeCode();
    }


    /** Staff, office heads and the district admin work on cases; drafters do not. */
    public boolean isCaseWorker() {
        return user.admin() || user.is(Role.STAFF) || user.is(Role.OFFICE_HEAD);
    }

    /** Report drafters read the statistics (portal2). */
    public boolean isDrafter() {
        return user.is(Role.DRAFTER);
    }

    /**
     * The home page's action: a person whose roles work no cases but read statistics (a report
     * drafter) starts on the past statistics runs instead of an empty desk.
     */
    public String startPage() {
        return isPresent() && !isCaseWorker() && isDrafter() ? "/statistics/runs?faces-redirect=true" : null;
    }

    public boolean isAdmin() {
        return user.admin();
    }
}
