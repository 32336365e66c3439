package org.trilink.platform.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * The second step of the login form: a code of the authenticator app (or a recovery code) for the
 * account whose password was right a moment ago in this session.
 */
public record OneTimeCode(String code) implements Credential {

    @Override
    public String toString() {
        return "OneTimeCode[***]"; // never the code itself in a log
    }
}
