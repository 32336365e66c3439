package org.trilink.platform.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * The district admin's page ({@code /admin/index.xhtml}), which shows the admin beans of several
 * features (offices and staff, partners, deadlines): who may open it, and how their actions report
 * back, so that every tab refuses and confirms in the same way. It knows no feature: the beans
 * hand it their control calls as actions.
 */
@Named("adminPage")
@RequestScoped
public class AdminPage {

    /** The hint beside a faulty field: admin.hint.code, admin.hint.username ... */
    private static final String HINT = "admin.hint.";

    @Inject
    CurrentUser user;

    @Inject
    Labels labels;

    /** Runs when the page opens: only the district admin (anyone else gets the 403 page). */
    public void open() {
        requireAdmin();
    }

    /** Every action checks the role again, as the admin API does. */
    public void requireAdmin() {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin administers TriLink.");
        }
    }

    /** Runs an action of a control class; done, says so with the text of {@code doneKey}. */
    public void run(Runnable action, String doneKey) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            action.run();
            info(labels.text(doneKey));
        } catch (ProblemException refused) {
            Problem p = refused.problem();
            String text = p.status() == 409 ? labels.text("admin.conflict")
                    : p.status() == 400 ? labels.text("admin.invalid") : labels.text("action.failed");
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            context.validationFailed();
        }
    }

    /**
     * Runs an action of the control classes. A refusal shows beside the faulty fields ({@code fields}:
     * the form's field to its client id on the page), in the page's language, and at the top; a
     * conflict shows the given text (beside {@code conflictField}).
     */
    public boolean attempt(Runnable action, Map<String, String> fields, String conflictField, String conflictText) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof ProblemException) && !(cause instanceof ConstraintViolationException)) {
                cause = cause.getCause();
            }
            if (cause == null) {
                throw e;
            }
            Set<String> faulty = new LinkedHashSet<>();
            String text;
            if (cause instanceof ConstraintViolationException invalid) {
                invalid.getConstraintViolations().forEach(v -> faulty.add(fieldOf(v)));
                text = labels.text("admin.checkFields");
            } else {
                Problem p = ((ProblemException) cause).problem();
                switch (p.status()) {
                    case 400 -> {
                        if (p.errors() != null) {
                            p.errors().forEach(f -> faulty.add(f.field()));
                        }
                        text = labels.text("admin.checkFields");
                    }
                    case 409 -> {
                        if (conflictField != null) {
                            faulty.add(conflictField);
                        }
                        text = conflictText == null ? labels.text("admin.conflict") : conflictText;
                    }
                    case 403 -> text = labels.text("admin.forbidden");
                    default -> text = labels.text("action.failed");
                }
            }
            for (String field : faulty) {
                String clientId = fields.get(field);
                if (clientId != null) {
                    String hint = p409(cause) ? conflictText : labels.text(HINT + field);
                    context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, hint, null));
                }
            }
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            context.validationFailed();
            return false;
        }
    }

    private static boolean p409(Throwable cause) {
        return cause instanceof ProblemException p && p.problem().status() == 409;
    }

    /** {@code create.arg0.code} is the form's {@code code}; a missing form is the {@code body}. */
    private static String fieldOf(ConstraintViolation<?> v) {
        String field = "body";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                field = node.getName();
            }
        }
        return field;
    }

    public void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** A value the admin left empty is refused like a bad request, before any control call. */
    public static <T> T required(T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ProblemException.badRequest("value", "required");
        }
        return value;
    }
}
