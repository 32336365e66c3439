package org.trilink.platform.security;

import java.util.Set;


/**
 * A person who signs in, as the security wiring needs them: name, office, roles and the stored
 * password hash. The offices feature keeps the accounts (its staff) and hands them over through
 * {@link Accounts}, so that the platform knows no feature.
 */
public interface Account {

    String username();

    String displayName();

    /** The office the person works for; null for the district's own people (admin, drafters). */
    String officeCode();

    boolean active();

    /** PBKDF2 (Passwords), never the password itself. */
    String passwordHash();

    Set<Role> roles();

    /** The admin set this password (a new account, a reset): its person must change it before anything else. */
    default boolean passwordChangeDue() {
        return false;
    }

    /** When the password was last set (for the expiry); null when unknown. */
    default java.time.OffsetDateTime passwordSetAt() {
        return null;
    }

    default boolean has(Role role) {
        return roles().contains(role);
    }
}
