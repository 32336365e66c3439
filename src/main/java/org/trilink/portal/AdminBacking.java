package org.trilink.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trilink.offices.control.NewPassword;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.control.OfficeForm;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.control.StaffForm;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;
import org.trilink.offices.entity.Staff;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.partners.control.Outbox;
import org.trilink.partners.control.PartnerRegistry;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.Role;
import org.trilink.referrals.control.ReferralDeadlines;

/**
 * The district admin's pages: dead letters of the partner exchange with replay, partners
 * (a secret is shown once, when it is made), offices and staff accounts (add, change, disable,
 * roles, a new password), and the deadlines per office type and per office. The work is done by
 * the control classes the admin API uses; each action checks the admin role again, as the API does.
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

    // an office to add (editingOffice null) or change
    private OfficeForm officeForm = new OfficeForm();
    private String editingOffice;

    // a staff account to add (editingStaff null) or change, and a password to set
    private StaffForm staffForm = new StaffForm();
    private String editingStaff;
    private String passwordFor;
    private String newPassword;

    /** The hint beside a faulty field: admin.hint.code, admin.hint.username ... */
    private static final String HINT = "admin.hint.";

    /** Where a field of the control classes' forms is on this page. */
    private static final Map<String, String> OFFICE_FIELDS = Map.of(
            "code", "admin:tabs:officeCode", "type", "admin:tabs:officeType", "nameZh", "admin:tabs:officeNameZh",
            "nameEn", "admin:tabs:officeNameEn", "regionCode", "admin:tabs:officeRegion",
            "referralDeadlineHours", "admin:tabs:officeOwnHours", "followUpDays", "admin:tabs:officeOwnDays");
    private static final Map<String, String> STAFF_FIELDS = Map.of(
            "username", "admin:tabs:staffUsername", "displayName", "admin:tabs:staffName",
            "officeCode", "admin:tabs:staffOffice", "roles", "admin:tabs:staffRoles",
            "password", "admin:tabs:staffPassword");
    private static final Map<String, String> PASSWORD_FIELDS = Map.of("password", "admin:tabs:newPassword");

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

    // ------------------------------------------------------------------ offices

    public void newOffice() {
        requireAdmin();
        officeForm = new OfficeForm();
        editingOffice = null;
    }

    public void editOffice(String code) {
        requireAdmin();
        Office o = offices.get(code);
        OfficeForm form = new OfficeForm();
        form.setCode(o.code());
        form.setType(o.type().name());
        form.setNameZh(o.nameZh());
        form.setNameEn(o.nameEn());
        form.setRegionCode(o.regionCode());
        form.setReferralDeadlineHours(o.referralDeadlineHours());
        form.setFollowUpDays(o.followUpDays());
        officeForm = form;
        editingOffice = code;
    }

    public void saveOffice() {
        requireAdmin();
        String code = editingOffice == null ? officeForm.getCode() : editingOffice;
        boolean done = attempt(() -> {
            if (editingOffice == null) {
                offices.create(officeForm);
            } else {
                offices.change(editingOffice, officeForm);
            }
        }, OFFICE_FIELDS, "code", labels.text("admin.officeExists", code));
        if (done) {
            info(labels.text(editingOffice == null ? "admin.officeCreated" : "admin.officeSaved", code));
            newOffice();
        }
    }

    public void enableOffice(String code, boolean on) {
        requireAdmin();
        run(() -> offices.enable(code, on), on ? "admin.enabled" : "admin.disabled");
    }

    public boolean isEditingAnOffice() {
        return editingOffice != null;
    }

    // ------------------------------------------------------------------ staff

    public void newStaff() {
        requireAdmin();
        staffForm = new StaffForm();
        editingStaff = null;
    }

    public void editStaff(String username) {
        requireAdmin();
        Staff s = staff.get(username);
        StaffForm form = new StaffForm();
        form.setUsername(s.username());
        form.setDisplayName(s.displayName());
        form.setOfficeCode(s.officeCode());
        form.setRoles(s.roles().stream().map(Enum::name).collect(Collectors.toList()));
        staffForm = form;
        editingStaff = username;
        passwordFor = null;
    }

    public void saveStaff() {
        requireAdmin();
        String username = editingStaff == null ? staffForm.getUsername() : editingStaff;
        boolean done;
        try {
            done = attempt(() -> {
                if (editingStaff == null) {
                    staff.create(staffForm);
                } else {
                    staff.change(editingStaff, staffForm);
                }
            }, STAFF_FIELDS, editingStaff == null ? "username" : null, editingStaff == null
                    ? labels.text("admin.usernameExists", username) : labels.text("admin.notYourself"));
        } finally {
            staffForm.setPassword(null); // never kept in the view, which lives in the session
        }
        if (done) {
            info(labels.text(editingStaff == null ? "admin.staffCreated" : "admin.staffSaved", username));
            newStaff();
        }
    }

    public void enableStaff(String username, boolean on) {
        requireAdmin();
        boolean done = attempt(() -> staff.enable(username, on), Map.of(), null, labels.text("admin.notYourself"));
        if (done) {
            info(labels.text(on ? "admin.enabled" : "admin.disabled"));
        }
    }

    public void askPassword(String username) {
        requireAdmin();
        passwordFor = username;
        newPassword = null;
    }

    public void resetPassword() {
        requireAdmin();
        String username = passwordFor;
        NewPassword password = new NewPassword();
        password.setPassword(newPassword);
        newPassword = null; // never kept in the view, which lives in the session
        if (attempt(() -> staff.resetPassword(username, password), PASSWORD_FIELDS, null, null)) {
            info(labels.text("admin.passwordReset", username));
            passwordFor = null;
        }
    }

    public void cancelPassword() {
        passwordFor = null;
        newPassword = null;
    }

    public boolean isEditingStaff() {
        return editingStaff != null;
    }

    public List<Role> getRoleChoices() {
        return Arrays.asList(Role.values());
    }

    /** Offices a person may be put in: those in use, and the one they work for now. */
    public List<Office> getStaffOffices() {
        requireAdmin();
        String current = staffForm.getOfficeCode();
        return offices.offices(null, null).stream().filter(o -> o.active() || o.code().equals(current)).toList();
    }

    /**
     * Runs an action of the control classes. A refusal shows beside the faulty fields, in the
     * page's language, and at the top; a conflict shows the given text (beside {@code conflictField}).
     */
    private boolean attempt(Runnable action, Map<String, String> fields, String conflictField, String conflictText) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof ProblemException) && !(cause instanceof ConstraintViolationException)) {
                cause = cause.getCause();
            }
            if (cause == null) {
                throw e;
            }
            Set<String> faulty = new LinkedHashSet<>();
            String text;
            if (cause instanceof ConstraintViolationException invalid) {
                invalid.getConstraintViolations().forEach(v -> faulty.add(fieldOf(v)));
                text = labels.text("admin.checkFields");
            } else {
                Problem p = ((ProblemException) cause).problem();
                switch (p.status()) {
                    case 400 -> {
                        if (p.errors() != null) {
                            p.errors().forEach(f -> faulty.add(f.field()));
                        }
                        text = labels.text("admin.checkFields");
                    }
                    case 409 -> {
                        if (conflictField != null) {
                            faulty.add(conflictField);
                        }
                        text = conflictText == null ? labels.text("admin.conflict") : conflictText;
                    }
                    case 403 -> text = labels.text("admin.forbidden");
                    default -> text = labels.text("action.failed");
                }
            }
            for (String field : faulty) {
                String clientId = fields.get(field);
                if (clientId != null) {
                    String hint = p409(cause) ? conflictText : labels.text(HINT + field);
                    context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, hint, null));
                }
            }
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            context.validationFailed();
            return false;
        }
    }

    private static boolean p409(Throwable cause) {
        return cause instanceof ProblemException p && p.problem().status() == 409;
    }

    /** {@code create.arg0.code} is the form's {@code code}; a missing form is the {@code body}. */
    private static String fieldOf(ConstraintViolation<?> v) {
        String field = "body";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY && node.getName() != null) {
                field = node.getName();
            }
        }
        return field;
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

    public OfficeForm getOfficeForm() {
        return officeForm;
    }

    public String getEditingOffice() {
        return editingOffice;
    }

    public StaffForm getStaffForm() {
        return staffForm;
    }

    public String getEditingStaffName() {
        return editingStaff;
    }

    public String getPasswordFor() {
        return passwordFor;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
