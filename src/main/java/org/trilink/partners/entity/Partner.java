package org.trilink.partners.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A partner agency's system that hands disputes over and hears back; configuration, not code. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    private String code;

    private String name;

    /** Kept readable: HMAC needs the secret itself to sign callbacks and verify requests. */
    private String secret;

    @Column(name = "default_office_code")
    private String defaultOfficeCode;

    @Column(name = "callback_url")
    private String callbackUrl;

    @Column(name = "inbox_folder")
    private String inboxFolder;

    private boolean enabled;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "secret_rotated_at")
    private OffsetDateTime secretRotatedAt;

    protected Partner() {
    }

    public Partner(String code, String name, String secret, String defaultOfficeCode, String callbackUrl,
                   String inboxFolder, OffsetDateTime now) {
        this.code = code;
        this.name = name;
        this.secret = secret;
        this.defaultOfficeCode = defaultOfficeCode;
        this.callbackUrl = callbackUrl;
        this.inboxFolder = inboxFolder;
        this.enabled = true;
        this.createdAt = now;
        this.secretRotatedAt = now;
    }

    public void change(String name, String defaultOfficeCode, String callbackUrl, String inboxFolder) {
        this.name = name;
        this.defaultOfficeCode = defaultOfficeCode;
        this.callbackUrl = callbackUrl;
        this.inboxFolder = inboxFolder;
    }

    public void rotateSecret(String newSecret, OffsetDateTime at) {
        this.secret = newSecret;
        this.secretRotatedAt = at;
    }

    public void enable(boolean on) {
        this.enabled = on;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String secret() {
        return secret;
    }

    public String defaultOfficeCode() {
        return defaultOfficeCode;
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public String inboxFolder() {
        return inboxFolder;
    }

    public boolean enabled() {
        return enabled;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime secretRotatedAt() {
        return secretRotatedAt;
    }
}
