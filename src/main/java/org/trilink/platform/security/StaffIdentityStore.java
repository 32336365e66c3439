package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff accounts in the database, with PBKDF2-hashed passwords; roles become groups. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    Accounts directory;

    @Inject
    Passwords passwords;

    @Inject
    CredentialCache cache;

    @Inject
    CurrentUser currentUser;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = up.getCaller();
        String password = up.getPasswordAsString();
        if (username == null || password == null) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        // the account is read on every call: a disabled account or changed roles apply at once, on
        // every instance; only the PBKDF2 check is skipped for a password verified against this hash
        Optional<? extends Account> staff = directory.byUsername(username);
        if (staff.isEmpty() || !staff.get().active()) {
            // the same PBKDF2 work as for a wrong password: the time of the refusal tells no one
            // whether the name exists (33-69 ms against 5-8 ms before)
            passwords.verify(password, unknownAccountHash());
            return CredentialValidationResult.INVALID_RESULT;
        }
        String hash = staff.get().passwordHash();
        if (!cache.recentlyVerified(username, password, hash)) {
            synchronized (cache.checkingLock(username)) {
                if (!cache.recentlyVerified(username, password, hash)) {
                    if (!passwords.verify(password, hash)) {
                        return CredentialValidationResult.INVALID_RESULT;
                    }
                    cache.remember(username, password, hash); // before the next waiting call looks
                }
            }
        }
        CurrentUser.accountRead(currentUser, staff.get());
        return new CredentialValidationResult(username, groups(staff.get()));
    }

    private volatile String unknownAccountHash;

    /** A hash of a random password, made with the same algorithm and cost as every stored one. */
    private String unknownAccountHash() {
        String hash = unknownAccountHash;
        if (hash == null) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            hash = passwords.hash(java.util.HexFormat.of().formatHex(random));
            unknownAccountHash = hash;
        }
        return hash;
    }

    static Set<String> groups(Account staff) {
        return staff.roles().stream().map(Enum::name).collect(Collectors.toSet());
    }
}
