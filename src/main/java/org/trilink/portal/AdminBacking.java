package org.trilink.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;
import org.trilink.offices.entity.Staff;
import org.trilink.partners.control.Outbox;
import org.trilink.partners.control.PartnerRegistry;
import org.trilink.partners.entity.OutboxMessage;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.referrals.control.ReferralDeadlines;

/**
 * The district admin's pages: dead letters of the partner exchange with replay, partners
 * (a secret is shown once, when it is made), offices and staff with their roles, and the
 * deadlines per office type and per office. The work is done by the control classes the admin
 * API uses; each action checks the admin role again, as the API does.
 */
@Named("admin")
@ViewScoped
public class AdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser user;

    @Inject
    Outbox outbox;

    @Inject
    PartnerRegistry partners;

    @Inject
    OfficeCatalog offices;

    @Inject
    StaffDirectory staff;

    @Inject
    ReferralDeadlines deadlines;

    @Inject
    Labels labels;

    // a new partner
    private String partnerCode;
    private String partnerName;
    private String partnerOffice;
    private String partnerCallback;
    /** Where the secret just made waits for this response: only the request, never the kept view. */
    private static final String SECRET = "trilink.admin.secret";
    private static final String SECRET_OF = "trilink.admin.secretOf";

    // deadlines
    private OfficeType deadlineType;
    private Integer typeHours;
    private Integer typeDays;
    private String deadlineOffice;
    private Integer officeHours;
    private Integer officeDays;

    /** Runs when the page opens: only the district admin (anyone else gets the 403 page). */
    public void open() {
        requireAdmin();
    }

    private void requireAdmin() {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin administers TriLink.");
        }
    }

    public List<OutboxMessage> getDeadLetters() {
        requireAdmin();
        return outbox.deadLetters(null, 200);
    }

    public void replay(long id) {
        requireAdmin();
        run(() -> outbox.replay(id), "admin.replayed");
    }

    public void replayAll() {
        requireAdmin();
        int n = outbox.replayAll(null);
        info(labels.text("admin.replayedAll", n));
    }

    public List<Partner> getPartners() {
        requireAdmin();
        return partners.all();
    }

    public void createPartner() {
        requireAdmin();
        run(() -> {
            Partner p = partners.create(partnerCode, partnerName, partnerOffice, partnerCallback, null);
            show(p);
            partnerCode = null;
            partnerName = null;
            partnerOffice = null;
            partnerCallback = null;
        }, "admin.partnerCreated");
    }

    public void rotate(String code) {
        requireAdmin();
        run(() -> show(partners.rotateSecret(code)), "admin.rotated");
    }

    public void enable(String code, boolean on) {
        requireAdmin();
        run(() -> partners.enable(code, on), on ? "admin.enabled" : "admin.disabled");
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

    public List<Office> getOffices() {
        requireAdmin();
        return offices.offices(null, null);
    }

    public List<Staff> getStaff() {
        requireAdmin();
        return staff.all();
    }

    public String roles(Staff s) {
        return s.roles().stream().sorted().map(labels::of).collect(Collectors.joining("、"));
    }

    public List<ReferralDeadlines.TypeSettings> getTypeDeadlines() {
        requireAdmin();
        return deadlines.byType();
    }

    public void saveTypeDeadline() {
        requireAdmin();
        run(() -> deadlines.changeType(required(deadlineType), required(typeHours), required(typeDays)),
                "admin.saved");
    }

    public void saveOfficeDeadline() {
        requireAdmin();
        run(() -> deadlines.change(required(deadlineOffice), officeHours, officeDays), "admin.saved");
    }

    public List<OfficeType> getOfficeTypes() {
        return Arrays.asList(OfficeType.values());
    }

    public Map<String, Long> getStaffCounts() {
        return getStaff().stream().filter(s -> s.officeCode() != null)
                .collect(Collectors.groupingBy(Staff::officeCode, Collectors.counting()));
    }

    private static <T> T required(T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ProblemException.badRequest("value", "required");
        }
        return value;
    }

    private void run(Runnable action, String doneKey) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            action.run();
            info(labels.text(doneKey));
        } catch (ProblemException refused) {
            Problem p = refused.problem();
            String text = p.status() == 409 ? labels.text("admin.conflict")
                    : p.status() == 400 ? labels.text("admin.invalid") : labels.text("action.failed");
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            context.validationFailed();
        }
    }

    private void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
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

    public OfficeType getDeadlineType() {
        return deadlineType;
    }

    public void setDeadlineType(OfficeType deadlineType) {
        this.deadlineType = deadlineType;
    }

    public Integer getTypeHours() {
        return typeHours;
    }

    public void setTypeHours(Integer typeHours) {
        this.typeHours = typeHours;
    }

    public Integer getTypeDays() {
        return typeDays;
    }

    public void setTypeDays(Integer typeDays) {
        this.typeDays = typeDays;
    }

    public String getDeadlineOffice() {
        return deadlineOffice;
    }

    public void setDeadlineOffice(String deadlineOffice) {
        this.deadlineOffice = deadlineOffice;
    }

    public Integer getOfficeHours() {
        return officeHours;
    }

    public void setOfficeHours(Integer officeHours) {
        this.officeHours = officeHours;
    }

    public Integer getOfficeDays() {
        return officeDays;
    }

    public void setOfficeDays(Integer officeDays) {
        this.officeDays = officeDays;
    }
}
