package org.trilink.audit.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trilink.platform.faces.AdminPage;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.LoginThrottle;
import org.trilink.platform.security.SecurityAudit;

/**
 * The security tab of the district admin's page: accounts locked after failed sign-ins, with
 * their unlock; the audit trail's newest entries by name or kind, its chain check and its Excel
 * export (the API's, which the admin's session may call).
 */
@Named("securityAdmin")
@ViewScoped
public class SecurityAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminPage page;

    @Inject
    LoginThrottle throttle;

    @Inject
    SecurityAudit audit;

    @Inject
    CurrentUser user;

    private String name;
    private SecurityAudit.Kind kind;
    private SecurityAudit.Verification verification;

    public List<LoginThrottle.Lock> getLocks() {
        page.requireAdmin();
        return throttle.locks();
    }

    public void unlock(String username) {
        page.requireAdmin();
        page.run(() -> {
            if (throttle.unlock(username)) {
                audit.recordAlone(SecurityAudit.Kind.UNLOCKED, user.username(), username, null, null);
            }
        }, "admin.security.unlocked");
    }

    /** The newest 100 entries the filters find. */
    public List<SecurityAudit.Event> getEvents() {
        page.requireAdmin();
        return audit.find(kind, name, null, null, 1, 100).events();
    }

    public void verify() {
        page.requireAdmin();
        verification = audit.verify();
    }

    public SecurityAudit.Verification getVerification() {
        return verification;
    }

    public List<SecurityAudit.Kind> getKinds() {
        return List.of(SecurityAudit.Kind.values());
    }

    /** The export link's query: the same filters as the table. */
    public String getExportQuery() {
        StringBuilder q = new StringBuilder();
        if (kind != null) {
            q.append("kind=").append(kind.name());
        }
        if (name != null && !name.isBlank()) {
            q.append(q.isEmpty() ? "" : "&").append("name=")
                    .append(java.net.URLEncoder.encode(name.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return q.isEmpty() ? "" : "?" + q;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public SecurityAudit.Kind getKind() {
        return kind;
    }

    public void setKind(SecurityAudit.Kind kind) {
        this.kind = kind;
    }
}
