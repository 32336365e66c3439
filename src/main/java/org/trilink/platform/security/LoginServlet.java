package org.trilink.platform.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The login form posts here; a wrong password comes back to the form with a message. */
@WebServlet(urlPatterns = {"/login", "/logout"})
public class LoginServlet extends HttpServlet {

    @Inject
    SecurityContext securityContext;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getServletPath().equals("/logout")) {
            logout(request, response);
            return;
        }
        request.getRequestDispatcher("/login.xhtml").forward(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getServletPath().equals("/logout")) {
            logout(request, response);
            return;
        }
        if (crossSite(request)) {
            // login CSRF: another site's page must not sign a visitor in as the attacker
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "A sign-in from another site is refused.");
            return;
        }
        request.setCharacterEncoding("UTF-8");
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        String code = request.getParameter("code");
        if (code != null && username == null) {
            // the second step, for an account with two factors
            request.setAttribute(LoginBacking.CODE_GIVEN, Boolean.TRUE);
            AuthenticationStatus status = securityContext.authenticate(request, response,
                    AuthenticationParameters.withParams().credential(new OneTimeCode(code.strip()))
                            .newAuthentication(true));
            if (status == AuthenticationStatus.SUCCESS) {
                response.sendRedirect(request.getContextPath() + "/");
            } else if (!response.isCommitted()) {
                response.sendRedirect(request.getContextPath() + "/login" + LoginBacking.failureQuery(request));
            }
            return;
        }
        if (username == null || password == null || username.isBlank()) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + "/");
        } else if (!response.isCommitted()) {
            if (request.getAttribute(TriLinkAuthentication.CODE_NEEDED) == null) {
                response.reset();
            } // else the new session's cookie must reach the client: the code step needs that session
            response.sendRedirect(request.getContextPath() + "/login" + LoginBacking.failureQuery(request));
        }
    }

    /**
     * Whether a browser says the post comes from another site: Sec-Fetch-Site (every current
     * browser sends it), else an Origin that is not this host. Scripts send neither.
     */
    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !(fetchSite.equals("same-origin") || fetchSite.equals("none"));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        int scheme = origin.indexOf("://");
        return host == null || scheme < 0 || !origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) throws ServletException,
            IOException {
        request.logout();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login");
    }
}
