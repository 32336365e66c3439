package org.trilink.calendar.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One change to the working calendar, kept for the audit: who made which day what, and when. */
@Entity
@Table(name = "calendar_change")
public class CalendarChange {

    @Id
    @SequenceGenerator(name = "calendar_change_seq", sequenceName = "calendar_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_change_seq")
    private Long id;

    @Column(name = "calendar_date")
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(name = "before_kind")
    private DayKind before;

    @Enumerated(EnumType.STRING)
    @Column(name = "after_kind")
    private DayKind after;

    private String name;

    @Column(name = "changed_at")
    private OffsetDateTime changedAt;

    @Column(name = "changed_by")
    private String changedBy;

    protected CalendarChange() {
    }

    public CalendarChange(LocalDate day, DayKind before, DayKind after, String name, OffsetDateTime changedAt,
                          String changedBy) {
        this.day = day;
        this.before = before;
        this.after = after;
        this.name = name;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public Long id() {
        return id;
    }

    public LocalDate day() {
        return day;
    }

    /** Null: the day followed the week's rule before. */
    public DayKind before() {
        return before;
    }

    /** Null: the day follows the week's rule again. */
    public DayKind after() {
        return after;
    }

    public String name() {
        return name;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }
}
