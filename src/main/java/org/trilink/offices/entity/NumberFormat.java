package org.trilink.offices.entity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an office writes its official numbers, e.g. {@code 青赵调字〔{year}〕第{n:4}号}: {@code {year}}
 * is the four-digit year, {@code {n}} the counter, {@code {n:4}} the counter zero-padded to four
 * digits. Reading a number back (a ledger's 编号) accepts the brackets clerks type instead of
 * 〔〕 ([], 【】, （）, ()) and surrounding blanks, so that the counter continues after it.
 */
public final class NumberFormat {

    /**
     * A valid format, as Bean Validation checks it: {year} once, {n} or {n:1..8} once, no other
     * braces, at most 64 characters.
     */
    public static final String VALID = "(?=[^{}]*(?:\\{(?:year|n(?::[1-8])?)\\}[^{}]*)*$)(?=.*\\{year\\})"
            + "(?=.*\\{n(?::[1-8])?\\})(?!.*\\{year\\}.*\\{year\\})(?!.*\\{n(?::[1-8])?\\}.*\\{n(?::[1-8])?\\})"
            + "[^\\p{Cntrl}]{1,64}";

    private static final Pattern VALID_PATTERN = Pattern.compile(VALID);
    private static final Pattern TOKEN = Pattern.compile("\\{(year|n)(?::([1-8]))?\\}");

    /** A number read back: its year and counter. */
    public record Numbered(int year, int number) {
    }

    private final String format;
    private final int width;
    private final Pattern reader;
    private final boolean yearFirst;

    private NumberFormat(String format) {
        this.format = format;
        Matcher m = TOKEN.matcher(format);
        StringBuilder regex = new StringBuilder("\\s*");
        int last = 0;
        int w = 1;
        int yearAt = -1;
        int nAt = -1;
        while (m.find()) {
            regex.append(Pattern.quote(brackets(format.substring(last, m.start()))));
            if ("year".equals(m.group(1))) {
                regex.append("(\\d{4})");
                yearAt = m.start();
            } else {
                regex.append("(\\d{1,9})");
                nAt = m.start();
                w = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            }
            last = m.end();
        }
        regex.append(Pattern.quote(brackets(format.substring(last)))).append("\\s*");
        this.width = w;
        this.reader = Pattern.compile(regex.toString());
        this.yearFirst = yearAt < nAt;
    }

    /** The format, refused (IllegalArgumentException) when it is not {@link #VALID}. */
    public static NumberFormat of(String format) {
        if (format == null || !VALID_PATTERN.matcher(format).matches()) {
            throw new IllegalArgumentException("not a number format: {year} and {n} or {n:4} once each, at most 64 characters");
        }
        return new NumberFormat(format);
    }

    /** The format of an office that set none: its code, 登 or 字, then 〔year〕第0001号. */
    public static NumberFormat standard(String officeCode, NumberKind kind) {
        return of(officeCode + (kind == NumberKind.REGISTER ? "登" : "字") + "〔{year}〕第{n:4}号");
    }

    public static boolean valid(String format) {
        return format != null && VALID_PATTERN.matcher(format).matches();
    }

    public String format(int year, int number) {
        String n = String.valueOf(number);
        String padded = n.length() >= width ? n : "0".repeat(width - n.length()) + n;
        Matcher m = TOKEN.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("year".equals(m.group(1)) ? String.valueOf(year) : padded));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The year and counter of a number written in this format, if it is one. */
    public Optional<Numbered> read(String number) {
        if (number == null) {
            return Optional.empty();
        }
        Matcher m = reader.matcher(brackets(number));
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(yearFirst ? 1 : 2));
        long n = Long.parseLong(m.group(yearFirst ? 2 : 1));
        return n < 1 || n > Integer.MAX_VALUE ? Optional.empty() : Optional.of(new Numbered(year, (int) n));
    }

    /**
     * The ways a number may be stored, for a search: as typed, and with its year brackets as
     * official numbers write them (〔〕), so that 青赵调字[2026]第0012号 finds 青赵调字〔2026〕第0012号.
     */
    public static java.util.List<String> spellings(String typed) {
        String official = brackets(typed);
        return official.equals(typed) ? java.util.List.of(typed) : java.util.List.of(typed, official);
    }

    public String pattern() {
        return format;
    }

    /** The year brackets clerks type ([], 【】, （）, (), ［］), read as the official 〔〕. */
    public static String officialBrackets(String s) {
        return brackets(s);
    }

    /** The year brackets clerks type, read as the official 〔〕. */
    private static String brackets(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            b.append(switch (ch) {
                case '[', '【', '（', '(', '［' -> '〔';
                case ']', '】', '）', ')', '］' -> '〕';
                default -> ch;
            });
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return format;
    }
}
