package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a new password must be (等保三级 身份鉴别: complexity, no reuse), at every door that sets
 * one: the admin creating an account or resetting its password, and a person changing their own.
 * At least 10 characters of at least three kinds (lower-case, upper-case, digits, others), not
 * containing the user name, and none of the account's last five. The demo profile's published
 * passwords are not made through these doors (the production guard refuses them anyway).
 */
@ApplicationScoped
public class PasswordPolicy {

    @Inject
    @ConfigProperty(name = "trilink.security.password.min-length", defaultValue = "10")
    int minLength;

    @Inject
    @ConfigProperty(name = "trilink.security.password.min-kinds", defaultValue = "3")
    int minKinds;

    @Inject
    @ConfigProperty(name = "trilink.security.password.history", defaultValue = "5")
    int history;

    @Inject
    Passwords passwords;

    /** How many earlier passwords a new one may not repeat. */
    public int history() {
        return history;
    }

    /** What is wrong with a password for this user name (English, for the API's problem); empty when fine. */
    public List<String> faults(String username, String password) {
        List<String> faults = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            faults.add("at least " + minLength + " characters");
        }
        if (password != null && password.length() > 200) {
            faults.add("at most 200 characters");
        }
        if (password != null && kinds(password) < minKinds) {
            faults.add("characters of at least " + minKinds + " kinds: lower-case, upper-case, digits, others");
        }
        if (password != null && username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            faults.add("must not contain the user name");
        }
        return faults;
    }

    /** Whether the password is one of these earlier hashes (checked with PBKDF2 each). */
    public boolean reuses(String password, List<String> earlierHashes) {
        return earlierHashes.stream().anyMatch(hash -> passwords.verify(password, hash));
    }

    static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
