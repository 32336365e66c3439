package org.trilink.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.trilink.platform.problem.Problem;

/**
 * Holds a signed-in person to what is due first (CredentialRules): a password the admin set or
 * an expired one is changed, and an admin enrols two factors where they are required, before
 * anything else. The portal sends every page to the page where it is done; the API answers 403
 * with a problem naming what is due, except for the calls that do it and signing out.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CredentialsDue implements Filter {

    public static final String PASSWORD_PAGE = "/account/password.xhtml";
    public static final String TWO_FACTOR_PAGE = "/account/two-factor.xhtml";
    public static final String PASSWORD_TYPE = "urn:trilink:problem:password-change-required";
    public static final String ENROL_TYPE = "urn:trilink:problem:two-factor-enrolment-required";

    @Inject
    CurrentUser currentUser;

    @Inject
    CredentialRules rules;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getUserPrincipal() == null) {
            chain.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (free(path)) {
            chain.doFilter(req, res);
            return;
        }
        Optional<Account> account = currentUser.account();
        CredentialRules.Due due = account.map(rules::due).orElse(CredentialRules.Due.NOTHING);
        if (due == CredentialRules.Due.NOTHING || allowedWhile(due, path, request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        if (path.startsWith("/api/")) {
            refuse(response, due);
        } else {
            String page = request.getContextPath() + (due == CredentialRules.Due.TWO_FACTOR_ENROLMENT
                    ? TWO_FACTOR_PAGE : PASSWORD_PAGE);
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                        + "<redirect url=\"" + page + "\"></redirect></partial-response>");
            } else {
                response.sendRedirect(page);
            }
        }
    }

    /** What needs no check: signing in and out, scripts and styles, data that is not a page. */
    static boolean free(String path) {
        return path.equals("/login") || path.equals("/logout") || path.equals("/login.xhtml")
                || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")
                || path.startsWith("/static/") || path.startsWith("/health") || path.startsWith("/openapi")
                || path.startsWith("/metrics");
    }

    /** The calls and pages that do what is due. */
    static boolean allowedWhile(CredentialRules.Due due, String path, String method) {
        return switch (due) {
            case PASSWORD_SET_BY_ADMIN, PASSWORD_EXPIRED -> path.equals(PASSWORD_PAGE)
                    || (path.equals("/api/v1/me/password") && method.equals("POST"));
            case TWO_FACTOR_ENROLMENT -> path.equals(TWO_FACTOR_PAGE) || path.startsWith("/api/v1/me/two-factor");
            case NOTHING -> true;
        };
    }

    private static void refuse(HttpServletResponse response, CredentialRules.Due due) throws IOException {
        Problem problem = switch (due) {
            case TWO_FACTOR_ENROLMENT -> new Problem(ENROL_TYPE, "Two factors must be enrolled", 403,
                    "This account has administrative rights: enrol two factors on the portal first ("
                            + TWO_FACTOR_PAGE + ", or POST /api/v1/me/two-factor).", null, null, null);
            case PASSWORD_EXPIRED -> new Problem(PASSWORD_TYPE, "Password must be changed", 403,
                    "The password has expired: the password must be changed first (POST /api/v1/me/password).",
                    null, null, null);
            default -> new Problem(PASSWORD_TYPE, "Password must be changed", 403,
                    "The password was set by the admin: the password must be changed first"
                            + " (POST /api/v1/me/password).", null, null, null);
        };
        response.setStatus(403);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.json());
    }
}
