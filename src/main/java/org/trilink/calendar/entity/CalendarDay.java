package org.trilink.calendar.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A day the official calendar moves off the week's rule: a holiday on a weekday, or a working weekend day. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    @Id
    @Column(name = "calendar_date")
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    private DayKind kind;

    private String name;

    @Column(name = "changed_at")
    private OffsetDateTime changedAt;

    @Column(name = "changed_by")
    private String changedBy;

    protected CalendarDay() {
    }

    public CalendarDay(LocalDate day, DayKind kind, String name, OffsetDateTime changedAt, String changedBy) {
        this.day = day;
        this.kind = kind;
        this.name = name;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public void change(DayKind kind, String name, OffsetDateTime at, String by) {
        this.kind = kind;
        this.name = name;
        this.changedAt = at;
        this.changedBy = by;
    }

    public LocalDate day() {
        return day;
    }

    public DayKind kind() {
        return kind;
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
