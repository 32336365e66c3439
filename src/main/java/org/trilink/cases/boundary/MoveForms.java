package org.trilink.cases.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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

    /**
     * The input of the form a problem's field is entered in, where its name differs from the
     * field's (the API's names are the record's, the page's ids are older).
     */
    private static final Map<String, List<String>> INPUTS = Map.of("toOfficeCode", List.of("officeCode"),
            "officeCode", List.of("officeCode", "inviteOffice"), "scheduledAt", List.of("when"), "heldAt", List.of("when"),
            "visitedAt", List.of("when"), "username", List.of("mediator"), "level", List.of("risk"),
            "reason", List.of("reason", "outcomeReason"), "failureReason", List.of("outcomeReason"),
            "guidance", List.of("guidance", "failureGuidance"));

    /** A refusal in the user's language: per field where the field has words, else by its kind. */
    public static void showRefusal(FacesContext context, Labels labels, Problem problem) {
        showRefusal(context, labels, problem, null);
    }

    /**
     * A refusal in the user's language, each field's words beside its input in {@code formId}
     * (shown once, where the user looks); what no input of the form stands for goes to the top.
     */
    public static void showRefusal(FacesContext context, Labels labels, Problem problem, String formId) {
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            for (Problem.FieldError e : problem.errors()) {
                String key = "action.problem." + e.field();
                String text = labels.text(key);
                // the problem's own message is English: a field without words gets the general one
                context.addMessage(inputOf(context, formId, e.field()), new FacesMessage(FacesMessage.SEVERITY_ERROR,
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

    /** The client id of the rendered input a field is entered in, or null (a page message). */
    static String inputOf(FacesContext context, String formId, String field) {
        if (formId == null || field == null || !field.matches("[A-Za-z][A-Za-z0-9_]*")) {
            return null;
        }
        for (String id : INPUTS.getOrDefault(field, List.of(field))) {
            UIComponent input = context.getViewRoot().findComponent(formId + ":" + id);
            if (input != null && shown(input)) {
                return input.getClientId(context);
            }
        }
        return null;
    }

    private static boolean shown(UIComponent input) {
        for (UIComponent c = input; c != null; c = c.getParent()) {
            if (!c.isRendered()) {
                return false;
            }
        }
        return true;
    }
}
