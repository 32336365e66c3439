package org.trilink.platform.security;

import java.util.Optional;

/**
 * Where the security wiring finds accounts: implemented by the offices feature's staff directory.
 * The platform asks through this interface, so that it depends on no feature while the feature
 * depends on the platform.
 */
public interface Accounts {

    /** The account signed in as {@code username}, active or not; empty when there is none. */
    Optional<? extends Account> byUsername(String username);
}
