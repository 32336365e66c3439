package org.trilink.offices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An office that takes part in dispute resolution, identified by a stable code. */
@Entity
@Table(name = "office")
public class Office {

    @Id
    private String code;

    @Enumerated(EnumType.STRING)
    private OfficeType type;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "region_code")
    private String regionCode;

    private boolean active;

    @Column(name = "follow_up_days")
    private Integer followUpDays;

    @Column(name = "referral_deadline_hours")
    private Integer referralDeadlineHours;

    @Column(name = "register_format")
    private String registerFormat;

    @Column(name = "document_format")
    private String documentFormat;

    protected Office() {
    }

    /** A new office, active, with its own deadlines or (null) those of its type. */
    public Office(String code, OfficeType type, String nameZh, String nameEn, String regionCode,
                  Integer referralDeadlineHours, Integer followUpDays) {
        this.code = code;
        this.type = type;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.regionCode = regionCode;
        this.active = true;
        this.referralDeadlineHours = referralDeadlineHours;
        this.followUpDays = followUpDays;
    }

    /** Renames the office, moves it to another town, sets its own deadlines (null: its type's); code and type stay. */
    public void change(String nameZh, String nameEn, String regionCode, Integer referralDeadlineHours,
                       Integer followUpDays) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.regionCode = regionCode;
        this.referralDeadlineHours = referralDeadlineHours;
        this.followUpDays = followUpDays;
    }

    /** The formats of the office's register and document numbers (null: the default, by its code). */
    public void numberFormats(String registerFormat, String documentFormat) {
        this.registerFormat = registerFormat;
        this.documentFormat = documentFormat;
    }

    /**
     * How the office writes its numbers of this kind: its own format, or one made of its code
     * ({@code JO-NEW登〔2026〕第0001号}, {@code JO-NEW字〔2026〕第0001号}) until the admin sets one.
     */
    public NumberFormat numberFormat(NumberKind kind) {
        String own = kind == NumberKind.REGISTER ? registerFormat : documentFormat;
        return own != null ? NumberFormat.of(own) : NumberFormat.standard(code, kind);
    }

    public String registerFormat() {
        return registerFormat;
    }

    public String documentFormat() {
        return documentFormat;
    }

    /** A disabled office takes no new cases or referrals; its cases and staff stay. */
    public void enable(boolean on) {
        this.active = on;
    }

    public String code() {
        return code;
    }

    public OfficeType type() {
        return type;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String regionCode() {
        return regionCode;
    }

    public boolean active() {
        return active;
    }

    public Integer followUpDays() {
        return followUpDays;
    }

    public Integer referralDeadlineHours() {
        return referralDeadlineHours;
    }
}
