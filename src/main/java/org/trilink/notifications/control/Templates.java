package org.trilink.notifications.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The message texts, zh-CN and en (resource bundles beside this class). Chinese is the first
 * language: any locale that is not English gets the Chinese text.
 */
public final class Templates {

    static final String BUNDLE = "org.trilink.notifications.templates";

    private Templates() {
    }

    public static Locale locale(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    public static String render(String localeTag, String key, Object... args) {
        Locale locale = locale(localeTag);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** The first words of a dispute's summary, to recognise it in a subject line: at most 20 characters. */
    public static String gist(String summary) {
        if (summary == null) {
            return "";
        }
        String s = summary.strip().replaceAll("\\s+", " ");
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
