package org.trilink.partners.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Column;
import java.time.OffsetDateTime;

/** A refused partner request, recorded without personal data: who claimed to send it, and why it failed. */
@Entity
@Table(name = "partner_refusal")
public class Refusal {

    @Id
    @SequenceGenerator(name = "partner_refusal_seq", sequenceName = "partner_refusal_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_refusal_seq")
    private Long id;

    @Column(name = "refused_at")
    private OffsetDateTime refusedAt;

    @Column(name = "partner_code")
    private String partnerCode;

    private String channel;

    private String operation;

    private int status;

    private String reason;

    private String remote;

    protected Refusal() {
    }

    public Refusal(OffsetDateTime refusedAt, String partnerCode, String channel, String operation, int status,
                   String reason, String remote) {
        this.refusedAt = refusedAt;
        this.partnerCode = partnerCode;
        this.channel = channel;
        this.operation = operation;
        this.status = status;
        this.reason = reason;
        this.remote = remote;
    }

    public Long id() {
        return id;
    }

    public OffsetDateTime refusedAt() {
        return refusedAt;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public String channel() {
        return channel;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String remote() {
        return remote;
    }
}
