package org.trilink.offices.control;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trilink.offices.entity.NumberFormat;
import org.trilink.offices.entity.OfficeType;
import org.trilink.platform.validation.CodeOf;

/**
 * An office as the district admin enters it: the admin page's form and the API's body. The code
 * and type are given once, when the office is made ({@link New}); a change replaces the names,
 * the town and the office's own deadlines (blank: those of its type).
 */
@Schema(description = "An office to create, or the new names, town and deadlines of one")
public class OfficeForm implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The checks of a new office: on top of the others, its code and type. */
    public interface New extends Default {
    }

    @Schema(description = "upper-case letters, digits and '-', e.g. JO-ZHAOXIANG; only when creating")
    @NotNull(groups = New.class)
    @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "2 to 40 upper-case letters, digits or '-'")
    private String code;

    @Schema(description = "POLICE_STATION, JUDICIAL_OFFICE, LAW_FIRM, MEDIATION_COMMITTEE, COURT, HOTLINE or "
            + "PARTNER_AGENCY; only when creating")
    @NotNull(groups = New.class)
    @CodeOf(OfficeType.class)
    private String type;

    @NotBlank
    @Size(max = 200)
    private String nameZh;

    @NotBlank
    @Size(max = 200)
    private String nameEn;

    @Schema(description = "a region code from GET /api/v1/regions")
    @NotBlank
    @Size(max = 12)
    private String regionCode;

    @Schema(description = "working hours to decide on a referral; absent: the default of the office type")
    @Min(1)
    @Max(720)
    private Integer referralDeadlineHours;

    @Schema(description = "days until the follow-up visit; absent: the default of the office type")
    @Min(1)
    @Max(365)
    private Integer followUpDays;

    @Schema(description = "the office's register number (登记编号), e.g. 青赵调登〔{year}〕第{n:4}号: {year} and {n} or"
            + " {n:4} (zero-padded) once each; absent: one made of the office code")
    @Size(max = 64)
    @Pattern(regexp = NumberFormat.VALID, message = "{year} and {n} (or {n:4}) once each, at most 64 characters")
    private String registerFormat;

    @Schema(description = "the number on the office's mediation agreements (文书编号), e.g. 青赵调字〔{year}〕第{n:4}号")
    @Size(max = 64)
    @Pattern(regexp = NumberFormat.VALID, message = "{year} and {n} (or {n:4}) once each, at most 64 characters")
    private String documentFormat;

    public String getRegisterFormat() {
        return registerFormat;
    }

    public void setRegisterFormat(String registerFormat) {
        this.registerFormat = registerFormat == null || registerFormat.isBlank() ? null : registerFormat.strip();
    }

    public String getDocumentFormat() {
        return documentFormat;
    }

    public void setDocumentFormat(String documentFormat) {
        this.documentFormat = documentFormat == null || documentFormat.isBlank() ? null : documentFormat.strip();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public Integer getReferralDeadlineHours() {
        return referralDeadlineHours;
    }

    public void setReferralDeadlineHours(Integer referralDeadlineHours) {
        this.referralDeadlineHours = referralDeadlineHours;
    }

    public Integer getFollowUpDays() {
        return followUpDays;
    }

    public void setFollowUpDays(Integer followUpDays) {
        this.followUpDays = followUpDays;
    }
}
