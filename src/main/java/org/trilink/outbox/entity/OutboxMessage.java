package org.trilink.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A message to a partner, written in the transaction of the change that caused it and
 * delivered later by a Camel route; its event id stays the same on every attempt. Attempts are
 * recorded by {@link org.trilink.partners.control.Outbox#record} in plain SQL, not through this
 * entity (see {@link org.trilink.partners.control.Settlement} for the rules).
 */
@Entity
@Table(name = "partner_outbox")
public class OutboxMessage {

    public enum Status { PENDING, DELIVERED, DEAD }

    @Id
    @SequenceGenerator(name = "partner_outbox_seq", sequenceName = "partner_outbox_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_outbox_seq")
    private Long id;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "partner_code")
    private String partnerCode;

    private String kind;

    private String event;

    @Column(name = "target_url")
    private String targetUrl;

    private String payload;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "leased_by")
    private String leasedBy;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    @Column(name = "dead_at")
    private OffsetDateTime deadAt;

    /**
     * Not to be sent before this moment (V20): an SMS to a party written at night or on a day off
     * is held until the next working morning. Null: sent when due.
     */
    @Column(name = "not_before")
    private OffsetDateTime notBefore;

    protected OutboxMessage() {
    }

    public OutboxMessage(String eventId, String partnerCode, String kind, String event, String targetUrl,
                         String payload, OffsetDateTime now) {
        this.eventId = eventId;
        this.partnerCode = partnerCode;
        this.kind = kind;
        this.event = event;
        this.targetUrl = targetUrl;
        this.payload = payload;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Holds the message until {@code at} (quiet hours): it is neither tried nor counted before then. */
    public void holdUntil(OffsetDateTime at) {
        notBefore = at;
        nextAttemptAt = at;
    }

    /** An admin sends a dead letter again: it starts over, keeping its event id. */
    public void replay(OffsetDateTime now) {
        status = Status.PENDING;
        nextAttemptAt = now;
        deadAt = null;
        createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public String kind() {
        return kind;
    }

    public String event() {
        return event;
    }

    public String targetUrl() {
        return targetUrl;
    }

    public String payload() {
        return payload;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    /** Until when the instance that claimed the message may deliver it. */
    public OffsetDateTime leaseUntil() {
        return leaseUntil;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime deliveredAt() {
        return deliveredAt;
    }

    public OffsetDateTime deadAt() {
        return deadAt;
    }

    /** Until when the message is held (null: never held). */
    public OffsetDateTime notBefore() {
        return notBefore;
    }
}
