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

    protected Office() {
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
