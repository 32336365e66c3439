package org.trilink.offices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The district and its towns and streets (镇/街道), by administrative division code. */
@Entity
@Table(name = "region")
public class Region {

    @Id
    private String code;

    @Column(name = "parent_code")
    private String parentCode;

    private String level;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    protected Region() {
    }

    public String code() {
        return code;
    }

    public String parentCode() {
        return parentCode;
    }

    public String level() {
        return level;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
