package org.trilink.offices.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.trilink.offices.control.ChangePassword;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.entity.Staff;
import jakarta.servlet.http.HttpServletRequest;
import org.trilink.platform.security.CredentialRules;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.TriLinkAuthentication;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * A person changes their own password on {@code /account/password.xhtml}, as {@code POST
 * /api/v1/me/password} does: the current one, the new one twice. What the policy refuses is
 * said beside the field, in the page's language.
 */
@Named("myPassword")
@RequestScoped
public class MyPasswordBacking {

    /** The API's field to the page's field and the text said beside it. */
    private static final Map<String, String[]> FIELDS = Map.of(
            "currentPassword", new String[] {"password:current", "account.password.wrongCurrent"},
            "newPassword", new String[] {"password:newPassword", "account.password.policy"});

    @Inject
    StaffDirectory directory;

    @Inject
    Labels labels;

    @Inject
    CurrentUser currentUser;

    @Inject
    CredentialRules rules;

    private boolean changedNow;

    private String current;
    private String newPassword;
    private String repeated;

    public void change() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (newPassword == null || !newPassword.equals(repeated)) {
            context.addMessage("password:repeated", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    labels.text("account.password.notRepeated"), null));
            context.validationFailed();
            return;
        }
        ChangePassword change = new ChangePassword();
        change.setCurrentPassword(current);
        change.setNewPassword(newPassword);
        try {
            Staff staff = directory.changeOwnPassword(change);
            // this session goes on with the new password (a change made elsewhere still ends it)
            TriLinkAuthentication.ownPasswordChanged(
                    (HttpServletRequest) context.getExternalContext().getRequest(), staff);
            changedNow = true;
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("account.password.changed"), null));
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof ProblemException)) {
                cause = cause.getCause();
            }
            if (!(cause instanceof ProblemException refused) || refused.problem().errors() == null) {
                throw e;
            }
            for (Problem.FieldError error : refused.problem().errors()) {
                String[] where = FIELDS.getOrDefault(error.field(), FIELDS.get("newPassword"));
                context.addMessage(where[0], new FacesMessage(FacesMessage.SEVERITY_ERROR, labels.text(where[1]), null));
            }
            context.validationFailed();
        } finally {
            current = null;
            newPassword = null;
            repeated = null;
        }
    }

    /** Why the person was sent here before anything else, in the page's language; null when nothing is due. */
    public String getDueReason() {
        if (changedNow) {
            return null;
        }
        return currentUser.account().map(rules::due).map(due -> switch (due) {
            case PASSWORD_SET_BY_ADMIN -> labels.text("account.password.dueForced");
            case PASSWORD_EXPIRED -> java.text.MessageFormat.format(labels.text("account.password.dueExpired"),
                    rules.maxAgeDays());
            default -> null;
        }).orElse(null);
    }

    public boolean isChangedNow() {
        return changedNow;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
