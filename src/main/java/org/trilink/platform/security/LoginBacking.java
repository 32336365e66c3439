package org.trilink.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The sign-in form of the portal. It hands the credential to the same mechanism as the
 * {@code POST /login} form of scripts (TriLinkAuthentication), which keeps the person in a new
 * session; a wrong password comes back to the form with a message.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    private String username;
    private String password;

    public void signIn() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.strip(),
                                password == null ? "" : password))
                        .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/");
        } else if (!response.isCommitted()) {
            response.reset(); // the failed attempt may have set a 401; the form answers it instead
            external.redirect(external.getRequestContextPath() + "/login" + failureQuery(request));
        }
        context.responseComplete();
    }

    /**
     * The login page's query after a refused attempt: {@code ?error=locked&retry=S} for a locked
     * account, {@code ?error=wait&retry=S} for an attempt made too soon, else {@code ?error=1}.
     */
    static String failureQuery(HttpServletRequest request) {
        if (request.getAttribute(TriLinkAuthentication.REFUSAL) instanceof LoginThrottle.Refusal refusal) {
            return "?error=" + (refusal.locked() ? "locked" : "wait") + "&retry=" + refusal.retryAfterSeconds();
        }
        return "?error=1";
    }

    /** The login page's message for the query of a refused attempt, in the page's language. */
    public String getFailure() {
        FacesContext context = FacesContext.getCurrentInstance();
        Map<String, String> params = context.getExternalContext().getRequestParameterMap();
        String error = params.get("error");
        if (error == null) {
            return null;
        }
        ResourceBundle msg = context.getApplication().getResourceBundle(context, "msg");
        long retry;
        try {
            retry = Math.max(1, Long.parseLong(params.getOrDefault("retry", "1")));
        } catch (NumberFormatException e) {
            retry = 1;
        }
        return switch (error) {
            case "locked" -> MessageFormat.format(msg.getString("login.locked"), (retry + 59) / 60);
            case "wait" -> MessageFormat.format(msg.getString("login.wait"), retry);
            default -> msg.getString("login.failed");
        };
    }

    public void signOut() throws IOException, ServletException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + "/login");
        context.responseComplete();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
