package org.trilink.platform.problem;

import java.util.List;

/** Whole-number query parameters (page, size) read without throwing: a faulty one is added to the field errors. */
public final class QueryNumbers {

    private QueryNumbers() {
    }

    /** The number in {@code value}, or {@code fallback} when it is absent or faulty (the fault added to errors). */
    public static int number(String field, String value, int fallback, int min, int max,
                             List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                errors.add(new Problem.FieldError(field, "must be between " + min + " and " + max));
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, "must be a whole number"));
            return fallback;
        }
    }
}
