package org.trilink.platform.security;

/**
 * Fired by whoever keeps the accounts when one changes (password, roles, office, enabled), so that
 * what the security wiring remembers of it (the credential cache) is forgotten once it commits.
 */
public record AccountChanged(String username) {
}
