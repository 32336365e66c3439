package org.trilink.platform.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie: HttpOnly (web.xml), SameSite=Lax (payara-web.xml: another site's form posts
 * and frames do not carry it) and, once served over HTTPS (trilink.security.https), Secure.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(SecurityHeaders.https());
    }
}
