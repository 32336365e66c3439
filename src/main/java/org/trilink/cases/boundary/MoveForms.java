package org.trilink.cases.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * What the forms of moves on the case page share, kept in one place so that every form
 * (whichever feature's boundary it sits in) refuses in the same words.
 */
public final class MoveForms {

    private MoveForms() {
    }

    /** A field the move cannot go without: missing, it is refused per field, as the API refuses it. */
    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ProblemException.badRequest(field, "required");
        }
        return value;
    }

    /** A time picked on the page is a wall-clock time in the district's zone. */
    public static OffsetDateTime at(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).toOffsetDateTime();
    }

    /** A refusal in the user's language: per field where the field has words, else by its kind. */
    public static void showRefusal(FacesContext context, Labels labels, Problem problem) {
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            for (Problem.FieldError e : problem.errors()) {
                String key = "action.problem." + e.field();
                String text = labels.text(key);
                // the problem's own message is English: a field without words gets the general one
                context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        text.equals(key) ? labels.text("action.failed") : text, null));
            }
        } else {
            String key = switch (problem.status()) {
                case 403 -> "action.forbidden";
                case 404 -> "case.notFound";
                case 409 -> problem.extensions() != null && problem.extensions().containsKey("currentVersion")
                        ? "action.stale" : "action.notNow";
                default -> "action.failed";
            };
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, labels.text(key), null));
        }
        context.validationFailed();
    }
}
