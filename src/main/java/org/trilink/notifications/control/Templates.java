package org.trilink.notifications.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trilink.platform.validation.IdentityNumbers;

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

    /**
     * The first words of a dispute's summary, to recognise it in an e-mail: at most 20 characters.
     * Staff often note a caller's number in the summary; a run of seven or more digits (a phone,
     * an ID number) is masked as lists mask them, before the cut, so no part of it slips through.
     */
    public static String gist(String summary) {
        if (summary == null) {
            return "";
        }
        String s = LONG_NUMBER.matcher(summary.strip().replaceAll("\\s+", " "))
                .replaceAll(m -> Matcher.quoteReplacement(masked(m.group())));
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{7,}[Xx]?");

    private static String masked(String number) {
        if (number.length() >= 15) {
            return IdentityNumbers.maskId(number);
        }
        if (number.length() >= 11) {
            return IdentityNumbers.maskPhone(number);
        }
        return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
    }
}
