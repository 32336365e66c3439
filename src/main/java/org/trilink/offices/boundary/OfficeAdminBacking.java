package org.trilink.offices.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.control.OfficeForm;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;
import org.trilink.platform.faces.AdminPage;
import org.trilink.platform.faces.Labels;

/**
 * The offices on the district admin's page: add (code, type, names, town, own deadlines), change
 * and disable or enable an office. The work is done by {@link OfficeCatalog}, as for
 * {@code /api/v1/offices}; each action checks the admin role again, as the API does.
 */
@Named("officeAdmin")
@ViewScoped
public class OfficeAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where a field of {@link OfficeForm} is on the page. */
    private static final Map<String, String> OFFICE_FIELDS = Map.of(
            "code", "admin:tabs:officeCode", "type", "admin:tabs:officeType", "nameZh", "admin:tabs:officeNameZh",
            "nameEn", "admin:tabs:officeNameEn", "regionCode", "admin:tabs:officeRegion",
            "referralDeadlineHours", "admin:tabs:officeOwnHours", "followUpDays", "admin:tabs:officeOwnDays",
            "registerFormat", "admin:tabs:officeRegisterFormat", "documentFormat", "admin:tabs:officeDocumentFormat");

    @Inject
    AdminPage page;

    @Inject
    OfficeCatalog offices;

    @Inject
    Labels labels;

    // an office to add (editingOffice null) or change
    private OfficeForm officeForm = new OfficeForm();
    private String editingOffice;

    public List<Office> getOffices() {
        page.requireAdmin();
        return offices.offices(null, null);
    }

    public void newOffice() {
        page.requireAdmin();
        officeForm = new OfficeForm();
        editingOffice = null;
    }

    public void editOffice(String code) {
        page.requireAdmin();
        Office o = offices.get(code);
        OfficeForm form = new OfficeForm();
        form.setCode(o.code());
        form.setType(o.type().name());
        form.setNameZh(o.nameZh());
        form.setNameEn(o.nameEn());
        form.setRegionCode(o.regionCode());
        form.setReferralDeadlineHours(o.referralDeadlineHours());
        form.setFollowUpDays(o.followUpDays());
        form.setRegisterFormat(o.registerFormat());
        form.setDocumentFormat(o.documentFormat());
        officeForm = form;
        editingOffice = code;
    }

    public void saveOffice() {
        page.requireAdmin();
        String code = editingOffice == null ? officeForm.getCode() : editingOffice;
        boolean done = page.attempt(() -> {
            if (editingOffice == null) {
                offices.create(officeForm);
            } else {
                offices.change(editingOffice, officeForm);
            }
        }, OFFICE_FIELDS, "code", labels.text("admin.officeExists", code));
        if (done) {
            page.info(labels.text(editingOffice == null ? "admin.officeCreated" : "admin.officeSaved", code));
            newOffice();
        }
    }

    public void enableOffice(String code, boolean on) {
        page.requireAdmin();
        page.run(() -> offices.enable(code, on), on ? "admin.enabled" : "admin.disabled");
    }

    public boolean isEditingAnOffice() {
        return editingOffice != null;
    }

    public List<OfficeType> getOfficeTypes() {
        return Arrays.asList(OfficeType.values());
    }

    public OfficeForm getOfficeForm() {
        return officeForm;
    }

    public String getEditingOffice() {
        return editingOffice;
    }
}
