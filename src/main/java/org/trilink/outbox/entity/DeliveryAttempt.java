package org.trilink.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One try to deliver an outbox message, for the admin who wonders why a partner heard nothing. */
@Entity
@Table(name = "partner_delivery_attempt")
public class DeliveryAttempt {

    @Id
    @SequenceGenerator(name = "partner_delivery_attempt_seq", sequenceName = "partner_delivery_attempt_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_delivery_attempt_seq")
    private Long id;

    @Column(name = "outbox_id")
    private Long outboxId;

    @Column(name = "attempted_at")
    private OffsetDateTime attemptedAt;

    @Column(name = "http_status")
    private Integer httpStatus;

    private String error;

    @Column(name = "duration_ms")
    private int durationMs;

    protected DeliveryAttempt() {
    }

    public DeliveryAttempt(Long outboxId, OffsetDateTime attemptedAt, Integer httpStatus, String error,
                           int durationMs) {
        this.outboxId = outboxId;
        this.attemptedAt = attemptedAt;
        this.httpStatus = httpStatus;
        this.error = error;
        this.durationMs = durationMs;
    }

    public Long id() {
        return id;
    }

    public Long outboxId() {
        return outboxId;
    }

    public OffsetDateTime attemptedAt() {
        return attemptedAt;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public int durationMs() {
        return durationMs;
    }
}
