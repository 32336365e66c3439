package org.trilink.cases.boundary;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.trilink.platform.problem.ProblemException;

/** The moment a hand-run overdue check compares against: now, or {@code asOf} outside production. */
public final class CheckMoment {

    private CheckMoment() {
    }

    public static OffsetDateTime of(String asOf, boolean production) {
        if (asOf == null || asOf.isBlank()) {
            return OffsetDateTime.now();
        }
        if (production) {
            throw ProblemException.badRequest("asOf", "not accepted in production; the check runs as of now");
        }
        try {
            return OffsetDateTime.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf", "must be an instant like 2026-12-01T09:00:00+08:00");
        }
    }
}
