package org.trilink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.entity.Staff;
import org.trilink.platform.security.Role;

/**
 * The credential cache in front of the slow password check. What callers notice is how often
 * the slow check runs (tens of milliseconds of CPU each), and that a changed password or a
 * disabled account stops working at once.
 */
class StaffIdentityStoreTest {

    /** Counts the slow checks; the stored "hash" is the password with a prefix, to keep the test quick. */
    static class CountingPasswords extends Passwords {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public boolean verify(String password, String hash) {
            checks.incrementAndGet();
            try {
                Thread.sleep(20); // slow, as it is meant to be, so that concurrent callers overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ("h:" + password).equals(hash);
        }

        @Override
        public String hash(String password) {
            return "h:" + password;
        }
    }

    static class Accounts extends StaffDirectory {
        final Map<String, Staff> staff = new HashMap<>();

        @Override
        public Optional<Staff> byUsername(String username) {
            return Optional.ofNullable(staff.get(username));
        }
    }

    final CountingPasswords passwords = new CountingPasswords();
    final Accounts accounts = new Accounts();
    final CredentialCache cache = new CredentialCache();
    final StaffIdentityStore store = new StaffIdentityStore();
    final AtomicLong now = new AtomicLong(1_000_000);
    final CurrentUser currentUser = new CurrentUser();
    /** The caller the container knows after a successful check (null: nobody signed in). */
    String caller;

    StaffIdentityStoreTest() {
        store.passwords = passwords;
        store.directory = accounts;
        store.cache = cache;
        store.currentUser = currentUser;
        currentUser.securityContext = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> caller == null ? null : (Principal) () -> caller;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        currentUser.accounts = accounts;
        cache.seconds = 60;
        cache.clock = now::get;
        account("police", "h:police-demo");
    }

    private void account(String username, String hash) {
        accounts.staff.put(username, new Staff(username, hash, "Police", "PS-ZHAOXIANG", Set.of(Role.STAFF),
                OffsetDateTime.now()));
    }

    private Status login(String username, String password) {
        Status status = store.validate(new UsernamePasswordCredential(username, password)).getStatus();
        caller = status == Status.VALID ? username : caller;
        return status;
    }

    @Test
    void theRestOfTheRequestUsesTheAccountTheCheckRead() {
        assertThat(login("police", "wrong")).isEqualTo(Status.INVALID);
        assertThat(login("police", "police-demo")).isEqualTo(Status.VALID);
        accounts.staff.clear(); // a second read of the account would now find nothing
        assertThat(currentUser.account()).map(Account::officeCode).contains("PS-ZHAOXIANG");
        assertThat(currentUser.officeCode()).isEqualTo("PS-ZHAOXIANG");
        assertThat(currentUser.is(Role.STAFF)).isTrue();
        assertThat(currentUser.admin()).isFalse();
    }

    @Test
    void rolesFollowTheCallerWhenItChangesWithinARequest() {
        accounts.staff.put("admin", new Staff("admin", "h:admin-demo", "Admin", null, Set.of(Role.ADMIN),
                OffsetDateTime.now()));
        assertThat(login("police", "police-demo")).isEqualTo(Status.VALID);
        assertThat(currentUser.admin()).isFalse();
        assertThat(login("admin", "admin-demo")).isEqualTo(Status.VALID);
        assertThat(currentUser.admin()).isTrue();
        assertThat(currentUser.officeCode()).isNull();
        caller = null; // signed out
        assertThat(currentUser.admin()).isFalse();
        assertThat(currentUser.account()).isEmpty();
    }

    @Test
    void sixteenCallersOfOneAccountRunTheSlowCheckOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        List<Status> results = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 16; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    results.add(login("police", "police-demo"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            callers.add(t);
        }
        go.countDown();
        for (Thread t : callers) {
            t.join();
        }
        assertThat(results).hasSize(16).containsOnly(Status.VALID);
        assertThat(passwords.checks).hasValue(1);
    }

    @Test
    void anEntryInUseDoesNotRunOutAndAnUnusedOneCostsOneCheck() {
        assertThat(login("police", "police-demo")).isEqualTo(Status.VALID);
        for (int i = 0; i < 10; i++) { // ten minutes of calls, one every 59 s of a 60 s cache period
            now.addAndGet(59_000);
            assertThat(login("police", "police-demo")).isEqualTo(Status.VALID);
        }
        assertThat(passwords.checks).hasValue(1);

        now.addAndGet(121_000); // unused for two minutes: checked again, once
        assertThat(login("police", "police-demo")).isEqualTo(Status.VALID);
        assertThat(login("police", "police-demo")).isEqualTo(Status.VALID);
        assertThat(passwords.checks).hasValue(2);

        // a wrong password is checked, and refused
        assertThat(login("police", "guess")).isEqualTo(Status.INVALID);
        assertThat(passwords.checks).hasValue(3);
    }

    @Test
    void aChangedPasswordOrADisabledAccountStopsTheOldPasswordAtOnce() {
        assertThat(login("police", "police-demo")).isEqualTo(Status.VALID);
        account("police", "h:new-secret"); // changed on another instance: this one has not heard
        assertThat(login("police", "police-demo")).isEqualTo(Status.INVALID);
        assertThat(login("police", "new-secret")).isEqualTo(Status.VALID);

        accounts.staff.remove("police"); // gone (or disabled) on another instance
        assertThat(login("police", "new-secret")).isEqualTo(Status.INVALID);
    }

    @Test
    void anUnknownNameCostsTheSameSlowCheckAsAWrongPassword() {
        assertThat(login("nobody", "guess")).isEqualTo(Status.INVALID);
        assertThat(passwords.checks).hasValue(1);
        assertThat(login("police", "guess")).isEqualTo(Status.INVALID);
        assertThat(passwords.checks).hasValue(2);
        accounts.staff.put("gone", new Staff("gone", "h:gone-demo", "Gone", "PS-ZHAOXIANG", Set.of(Role.STAFF),
                OffsetDateTime.now()));
        accounts.staff.get("gone").enable(false);
        assertThat(login("gone", "gone-demo")).isEqualTo(Status.INVALID);
        assertThat(passwords.checks).hasValue(3);
    }

    @Test
    void aVerifiedPasswordIsVouchedForUntilTheNameFailsOnce() {
        assertThat(cache.vouchesFor("police", "police-demo")).isFalse();
        assertThat(login("police", "police-demo")).isEqualTo(Status.VALID);
        assertThat(cache.vouchesFor("police", "police-demo")).isTrue();
        assertThat(cache.vouchesFor("police", "other")).isFalse();
        assertThat(cache.vouchesFor("police", null)).isFalse();
        cache.forget("police"); // what a failure of the name does
        assertThat(cache.vouchesFor("police", "police-demo")).isFalse();
    }

    @Test
    void withTheCacheOffEveryCallRunsTheSlowCheck() {
        cache.seconds = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(login("police", "police-demo")).isEqualTo(Status.VALID);
        }
        assertThat(passwords.checks).hasValue(3);
    }
}
