package org.trilink.platform.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.trilink.platform.Configured;

/**
 * Words and dates as people read them, in the page's language: enum codes through the bundles
 * ({@code CaseStatus.RECEIVED}) and times in the district's time zone. Regions and offices are
 * the offices feature's words ({@code places}).
 */
@Named("labels")
@RequestScoped
public class Labels {

    public static final String BUNDLE = "org.trilink.portal.messages";

    @Inject
    Language language;

    @Inject
    Configured configured;

    private ResourceBundle bundle;
    private DateTimeFormatter dateTimeFormat;
    private DateTimeFormatter dateFormat;

    public ResourceBundle bundle() {
        if (bundle == null || !bundle.getLocale().getLanguage().equals(language.getLocale().getLanguage())) {
            bundle = ResourceBundle.getBundle(BUNDLE, language.getLocale());
            dateTimeFormat = null;
            dateFormat = null;
        }
        return bundle;
    }

    /** The bundle text for a key, with {0}-style arguments. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.getLocale()).format(args);
    }

    /** The name of an enum constant in the page's language; "" for none. */
    public String of(Enum<?> value) {
        return value == null ? "" : text(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** The name of an enum constant given by class name and code, for codes read from tables. */
    public String code(String enumName, String code) {
        if (code == null) {
            return "";
        }
        String key = enumName + "." + code;
        String text = text(key);
        return text.equals(key) ? code : text;
    }

    public String dateTime(OffsetDateTime at) {
        if (at == null) {
            return "";
        }
        if (dateTimeFormat == null) {
            dateTimeFormat = DateTimeFormatter.ofPattern(text("format.dateTime"), language.getLocale());
        }
        return at.atZoneSameInstant(configured.zone()).format(dateTimeFormat);
    }

    public String date(LocalDate day) {
        if (dateFormat == null) {
            dateFormat = DateTimeFormatter.ofPattern(text("format.date"), language.getLocale());
        }
        return day == null ? "" : day.format(dateFormat);
    }

    public String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(language.getLocale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(language.getLocale()).format(n);
    }

    /** The page's language. */
    public java.util.Locale locale() {
        return language.getLocale();
    }









    /** The bundle text of the current request, for code that runs outside a bean with Labels injected. */
    public static String current(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
