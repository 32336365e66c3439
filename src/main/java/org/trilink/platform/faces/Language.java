package org.trilink.platform.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the pages: Chinese unless the person chose English. The choice lives in a
 * cookie rather than the session, so that it survives signing in (which starts a new session)
 * and signing out.
 */
@Named("language")
@RequestScoped
public class Language {

    static final String COOKIE = "trilink.lang";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Object cookie = FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(COOKIE);
            locale = cookie instanceof Cookie c && "en".equals(c.getValue()) ? Locale.ENGLISH : CHINESE;
        }
        return locale;
    }

    public boolean isEnglish() {
        return Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage());
    }

    /** The &lt;html lang&gt; value. */
    public String getTag() {
        return isEnglish() ? "en" : "zh-CN";
    }

    /** Switches the language (a form post, so another site cannot switch it) and renders the page again in it. */
    public void switchTo(String tag) {
        locale = "en".equals(tag) ? Locale.ENGLISH : CHINESE;
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        external.addResponseCookie(COOKIE, "en".equals(tag) ? "en" : "zh-CN", Map.of(
                "path", external.getRequestContextPath().isEmpty() ? "/" : external.getRequestContextPath(),
                "maxAge", 365 * 24 * 3600,
                "httpOnly", true,
                "SameSite", "Lax"));
        context.getViewRoot().setLocale(locale);
    }
}
