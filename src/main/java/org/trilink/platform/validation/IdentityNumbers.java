package org.trilink.platform.validation;

/**
 * Check rules of the numbers that identify parties: the 18-character resident ID
 * (GB 11643, check character by ISO 7064 MOD 11-2), the mobile number and the
 * 18-character unified social credit code (GB 32100).
 */
public final class IdentityNumbers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private IdentityNumbers() {
    }

    /**
     * The province-level codes a resident ID can begin with (GB/T 2260: 11-15 north, 21-23
     * north-east, 31-37 east, 41-46 south-central, 50-54 south-west, 61-65 north-west; 71 Taiwan,
     * 81 Hong Kong, 82 Macao, 83 residence permits of Taiwan residents) and 9, the permanent
     * residence ID of foreigners (GB 11643 since 2023).
     */
    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile(
            "1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3]|9\\d");

    private static final java.time.LocalDate EARLIEST_BIRTH = java.time.LocalDate.of(1900, 1, 1);
    private static final java.time.ZoneId DISTRICT = java.time.ZoneId.of("Asia/Shanghai");

    public static boolean isResidentId(String id) {
        return isResidentId(id, java.time.LocalDate.now(DISTRICT));
    }

    /**
     * An 18-character resident ID whose region is a province's, whose birth date is a real day
     * between 1900 and {@code today}, and whose check character fits (ISO 7064 MOD 11-2).
     */
    public static boolean isResidentId(String id, java.time.LocalDate today) {
        if (id == null || !id.matches("\\d{17}[\\dX]") || !REGION.matcher(id.substring(0, 2)).matches()) {
            return false;
        }
        java.time.LocalDate birth;
        try {
            birth = java.time.LocalDate.parse(id.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            return false; // month 13, 30 February and the like
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return false;
        }
        return id.charAt(17) == residentIdCheck(id.substring(0, 17));
    }

    /** The check character for the first 17 digits of a resident ID. */
    public static char residentIdCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK[sum % 11];
    }

    public static boolean isMobile(String phone) {
        return phone != null && phone.matches("1\\d{10}");
    }

    public static boolean isCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CREDIT_CHARS.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == creditCodeCheck(code.substring(0, 17));
    }

    /** The check character for the first 17 characters of a unified social credit code. */
    public static char creditCodeCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return CREDIT_CHARS.charAt(check);
    }

    /** 3101**********1234: the first four and last four of an ID, the rest hidden. */
    public static String maskId(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** 138****0000: the first three and last four of a phone number. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
