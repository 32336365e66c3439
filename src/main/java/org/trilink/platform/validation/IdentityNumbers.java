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

    public static boolean isResidentId(String id) {
        if (id == null || !id.matches("\\d{17}[\\dX]")) {
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
