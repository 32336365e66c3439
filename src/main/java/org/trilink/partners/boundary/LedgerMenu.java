package org.trilink.partners.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.trilink.partners.control.LedgerImport;
import org.trilink.platform.security.CurrentUser;

/**
 * Whether the menu offers the ledger import page: the same rule as the page and the API. A
 * request-scoped bean, so the menu on every page does not put a view-scoped bean into the session.
 */
@Named("ledgerMenu")
@RequestScoped
public class LedgerMenu {

    @Inject
    CurrentUser user;

    public boolean isShown() {
        return user.account().isPresent() && LedgerImport.mayImport(user)
                && (user.admin() || user.officeCode() != null);
    }
}
