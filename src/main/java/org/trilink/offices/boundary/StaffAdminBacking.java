package org.trilink.offices.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trilink.offices.control.NewPassword;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.control.StaffForm;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.Staff;
import org.trilink.platform.faces.AdminPage;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.security.Role;

/**
 * The staff accounts on the district admin's page: add (office, roles, a first password), change,
 * disable or enable an account, and set a new password. The work is done by {@link StaffDirectory},
 * as for {@code /api/v1/staff}; each action checks the admin role again, as the API does.
 */
@Named("staffAdmin")
@ViewScoped
public class StaffAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where a field of {@link StaffForm} and {@link NewPassword} is on the page. */
    private static final Map<String, String> STAFF_FIELDS = Map.of(
            "username", "admin:tabs:staffUsername", "displayName", "admin:tabs:staffName",
            "officeCode", "admin:tabs:staffOffice", "roles", "admin:tabs:staffRoles",
            "password", "admin:tabs:staffPassword");
    private static final Map<String, String> PASSWORD_FIELDS = Map.of("password", "admin:tabs:newPassword");

    @Inject
    AdminPage page;

    @Inject
    StaffDirectory staff;

    @Inject
    OfficeCatalog offices;

    @Inject
    Labels labels;

    @Inject
    org.trilink.platform.security.TwoFactors twoFactors;

    @Inject
    org.trilink.platform.security.CurrentUser currentUser;

    // a staff account to add (editingStaff null) or change, and a password to set
    private StaffForm staffForm = new StaffForm();
    private String editingStaff;
    private String passwordFor;
    private String newPassword;

    public List<Staff> getStaff() {
        page.requireAdmin();
        return staff.all();
    }

    public String roles(Staff s) {
        return s.roles().stream().sorted().map(labels::of).collect(Collectors.joining("、"));
    }

    public void newStaff() {
        page.requireAdmin();
        staffForm = new StaffForm();
        editingStaff = null;
    }

    public void editStaff(String username) {
        page.requireAdmin();
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
        page.requireAdmin();
        String username = editingStaff == null ? staffForm.getUsername() : editingStaff;
        boolean done;
        try {
            done = page.attempt(() -> {
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
            page.info(labels.text(editingStaff == null ? "admin.staffCreated" : "admin.staffSaved", username));
            newStaff();
        }
    }

    public void enableStaff(String username, boolean on) {
        page.requireAdmin();
        boolean done = page.attempt(() -> staff.enable(username, on), Map.of(), null, labels.text("admin.notYourself"));
        if (done) {
            page.info(labels.text(on ? "admin.enabled" : "admin.disabled"));
        }
    }

    public void askPassword(String username) {
        page.requireAdmin();
        passwordFor = username;
        newPassword = null;
    }

    public void resetPassword() {
        page.requireAdmin();
        String username = passwordFor;
        NewPassword password = new NewPassword();
        password.setPassword(newPassword);
        newPassword = null; // never kept in the view, which lives in the session
        if (page.attempt(() -> staff.resetPassword(username, password), PASSWORD_FIELDS, null, null)) {
            page.info(labels.text("admin.passwordReset", username));
            passwordFor = null;
        }
    }

    /** A lost phone: the account's two factors are gone, and it enrols anew (audited as TWO_FACTOR_RESET). */
    public void resetTwoFactor(String username) {
        page.requireAdmin();
        twoFactors.reset(currentUser.username(), username);
        page.info(labels.text("admin.staff.twoFactorReset", username));
    }

    public boolean hasTwoFactor(String username) {
        return twoFactors.enrolled(username);
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
        page.requireAdmin();
        String current = staffForm.getOfficeCode();
        return offices.offices(null, null).stream().filter(o -> o.active() || o.code().equals(current)).toList();
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
