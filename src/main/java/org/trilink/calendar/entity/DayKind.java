package org.trilink.calendar.entity;

/** What the official calendar makes of a day, against the week's rule (Monday to Friday work). */
public enum DayKind {
    /** A day off, even on a weekday (法定节假日 and the days taken with it). */
    HOLIDAY,
    /** A working day, even on a Saturday or Sunday (调休上班). */
    WORKDAY
}
