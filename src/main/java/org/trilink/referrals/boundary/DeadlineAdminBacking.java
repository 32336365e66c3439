package org.trilink.referrals.boundary;

import static org.trilink.platform.faces.AdminPage.required;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.trilink.offices.entity.OfficeType;
import org.trilink.platform.faces.AdminPage;
import org.trilink.referrals.control.ReferralDeadlines;

/**
 * The deadlines on the district admin's page: referral hours and follow-up days per office type
 * and per office. The work is done by {@link ReferralDeadlines}, as for
 * {@code /api/v1/referrals/deadlines}; each action checks the admin role again, as the API does.
 */
@Named("deadlineAdmin")
@ViewScoped
public class DeadlineAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminPage page;

    @Inject
    ReferralDeadlines deadlines;

    private OfficeType deadlineType;
    private Integer typeHours;
    private Integer typeDays;
    private String deadlineOffice;
    private Integer officeHours;
    private Integer officeDays;

    public List<ReferralDeadlines.TypeSettings> getTypeDeadlines() {
        page.requireAdmin();
        return deadlines.byType();
    }

    public void saveTypeDeadline() {
        page.requireAdmin();
        page.run(() -> deadlines.changeType(required(deadlineType), required(typeHours), required(typeDays)),
                "admin.saved");
    }

    public void saveOfficeDeadline() {
        page.requireAdmin();
        page.run(() -> deadlines.change(required(deadlineOffice), officeHours, officeDays), "admin.saved");
    }

    public List<OfficeType> getOfficeTypes() {
        return Arrays.asList(OfficeType.values());
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
