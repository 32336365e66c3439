package org.trilink.partners.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.partners.control.Outbox;
import org.trilink.partners.control.PartnerRegistry;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.faces.AdminPage;
import org.trilink.platform.faces.Labels;

/**
 * The partner exchange on the district admin's page: dead letters with replay (one or all), and
 * partners (a secret is shown once, when it is made; enable, disable). The work is done by the
 * control classes the partners API uses; each action checks the admin role again, as the API does.
 */
@Named("partnerAdmin")
@ViewScoped
public class PartnerAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the secret just made waits for this response: only the request, never the kept view. */
    private static final String SECRET = "trilink.admin.secret";
    private static final String SECRET_OF = "trilink.admin.secretOf";

    @Inject
    AdminPage page;

    @Inject
    Outbox outbox;

    @Inject
    PartnerRegistry partners;

    @Inject
    Labels labels;

    // a new partner
    private String partnerCode;
    private String partnerName;
    private String partnerOffice;
    private String partnerCallback;

    public List<OutboxMessage> getDeadLetters() {
        page.requireAdmin();
        return outbox.deadLetters(null, 200);
    }

    public void replay(long id) {
        page.requireAdmin();
        page.run(() -> outbox.replay(id), "admin.replayed");
    }

    public void replayAll() {
        page.requireAdmin();
        int n = outbox.replayAll(null);
        page.info(labels.text("admin.replayedAll", n));
    }

    public List<Partner> getPartners() {
        page.requireAdmin();
        return partners.all();
    }

    public void createPartner() {
        page.requireAdmin();
        page.run(() -> {
            Partner p = partners.create(partnerCode, partnerName, partnerOffice, partnerCallback, null);
            show(p);
            partnerCode = null;
            partnerName = null;
            partnerOffice = null;
            partnerCallback = null;
        }, "admin.partnerCreated");
    }

    public void rotate(String code) {
        page.requireAdmin();
        page.run(() -> show(partners.rotateSecret(code)), "admin.rotated");
    }

    public void enable(String code, boolean on) {
        page.requireAdmin();
        page.run(() -> partners.enable(code, on), on ? "admin.enabled" : "admin.disabled");
    }

    private void show(Partner p) {
        Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        request.put(SECRET, p.secret());
        request.put(SECRET_OF, p.code());
    }

    /** The secret made in this request, shown in its response and never again (null otherwise). */
    public String getShownSecret() {
        return (String) FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(SECRET);
    }

    public String getShownSecretOf() {
        return (String) FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(SECRET_OF);
    }

    public String getPartnerCode() {
        return partnerCode;
    }

    public void setPartnerCode(String partnerCode) {
        this.partnerCode = partnerCode;
    }

    public String getPartnerName() {
        return partnerName;
    }

    public void setPartnerName(String partnerName) {
        this.partnerName = partnerName;
    }

    public String getPartnerOffice() {
        return partnerOffice;
    }

    public void setPartnerOffice(String partnerOffice) {
        this.partnerOffice = partnerOffice;
    }

    public String getPartnerCallback() {
        return partnerCallback;
    }

    public void setPartnerCallback(String partnerCallback) {
        this.partnerCallback = partnerCallback;
    }
}
