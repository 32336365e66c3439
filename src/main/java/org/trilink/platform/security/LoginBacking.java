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
    private String code;

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
            if (request.getAttribute(TriLinkAuthentication.CODE_NEEDED) == null) {
                response.reset(); // the failed attempt may have set a 401; the form answers it instead
            } // else the new session's cookie must reach the browser: the code step needs that session
            external.redirect(external.getRequestContextPath() + "/login" + failureQuery(request));
        }
        context.responseComplete();
    }

    /**
     * The login page's query after a refused attempt: {@code ?error=locked&retry=S} for a locked
     * account, {@code ?error=wait&retry=S} for an attempt made too soon, else {@code ?error=1}.
     */
    static String failureQuery(HttpServletRequest request) {
        String step = request.getAttribute(TriLinkAuthentication.CODE_NEEDED) != null ? "step=code&" : "";
        if (request.getAttribute(TriLinkAuthentication.REFUSAL) instanceof LoginThrottle.Refusal refusal) {
            return "?" + step + "error=" + (refusal.locked() ? "locked" : "wait") + "&retry="
                    + refusal.retryAfterSeconds();
        }
        if (!step.isEmpty()) {
            // the password was right: the code now (an error only when a code was given and refused)
            return "?step=code" + (request.getAttribute(CODE_GIVEN) != null ? "&error=code" : "");
        }
        return "?error=1";
    }

    /** Set while the second step is sent, so that a refusal says the code was wrong. */
    static final String CODE_GIVEN = "trilink.login.code-given";

    /** The second step: the code of the authenticator app, or a recovery code. */
    public void confirmCode() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        request.setAttribute(CODE_GIVEN, Boolean.TRUE);
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(new OneTimeCode(code == null ? "" : code.strip()))
                        .newAuthentication(true));
        code = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/");
        } else if (!response.isCommitted()) {
            external.redirect(external.getRequestContextPath() + "/login" + failureQuery(request));
        }
        context.responseComplete();
    }

    /** Whether the page asks for the code: the password was right a moment ago in this session. */
    public boolean isCodeStep() {
        FacesContext context = FacesContext.getCurrentInstance();
        Map<String, String> params = context.getExternalContext().getRequestParameterMap();
        // the page after the password (?step=code), or the post of its form (whose URL has no query)
        return ("code".equals(params.get("step")) || params.containsKey("code"))
                && TriLinkAuthentication.pendingSecondFactor(
                (HttpServletRequest) context.getExternalContext().getRequest()).isPresent();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
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
            case "code" -> msg.getString("login.codeWrong");
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
