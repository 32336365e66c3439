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
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.entity.Staff;

/** Staff accounts in the database, with PBKDF2-hashed passwords; roles become groups. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    StaffDirectory directory;

    @Inject
    Passwords passwords;

    @Inject
    CredentialCache cache;

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
        Set<String> groups = cache.groupsIfRecentlyVerified(username, password);
        if (groups != null) {
            return new CredentialValidationResult(username, groups);
        }
        Optional<Staff> staff = directory.byUsername(username);
        if (staff.isEmpty() || !staff.get().active()) {
            cache.forget(username);
            return CredentialValidationResult.INVALID_RESULT;
        }
        String hash = staff.get().passwordHash();
        groups = staff.get().roles().stream().map(Enum::name).collect(Collectors.toSet());
        synchronized (cache.checkingLock(username)) {
            if (!cache.verifiedAgainst(username, password, hash) && !passwords.verify(password, hash)) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            cache.remember(username, password, hash, groups); // before the next waiting call looks
        }
        return new CredentialValidationResult(username, groups);
    }
}
