package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.trilink.platform.problem.Problem;

/**
 * One mechanism for both kinds of caller: scripts send HTTP Basic on every call (no session
 * is made for them); people sign in on the login page, and their identity is kept in the
 * HTTP session. An API call without valid credentials gets a 401 problem; a page redirects
 * to the login page.
 */
@ApplicationScoped
public class TriLinkAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "trilink.user";
    static final String SESSION_GROUPS = "trilink.groups";
    /** A digest of the password hash the person signed in with: a reset password ends the session. */
    static final String SESSION_PASSWORD = "trilink.password";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Accounts directory;

    @Inject
    CurrentUser currentUser;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddress addresses;

    @Inject
    CredentialCache cache;

    @Inject
    SecurityAudit audit;

    /** Served over HTTPS: the answers this mechanism writes itself carry HSTS too. */
    private final boolean https = SecurityHeaders.https();

    /** The request attribute that tells the login form why an attempt was refused unchecked. */
    static final String REFUSAL = "trilink.login.refusal";

    /** The request attribute that tells the login form the password was right and a code is needed now. */
    static final String CODE_NEEDED = "trilink.login.code-needed";

    /** The account whose password was right, waiting in the session for its second factor, and since when. */
    static final String PENDING_USER = "trilink.pending.user";
    static final String PENDING_SINCE = "trilink.pending.since";
    /** The second step must follow within this time. */
    static final long PENDING_MILLIS = 5 * 60_000L;

    /** Set on a request whose Basic sign-in checked a second factor. */
    public static final String SECOND_FACTOR_VERIFIED = "trilink.second-factor-verified";

    /** The header a script sends its second factor in. */
    public static final String OTP_HEADER = "X-TriLink-OTP";

    @Inject
    TwoFactors twoFactors;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // 1. a programmatic login from the login page
        Credential given = context.getAuthParameters().getCredential();
        if (given instanceof OneTimeCode code) {
            return secondStep(request, context, code);
        }
        if (given != null) {
            CredentialValidationResult result = checked(request, given);
            if (result == null || result.getStatus() != CredentialValidationResult.Status.VALID) {
                // the login page answers this itself, with a message beside the form
                return AuthenticationStatus.SEND_FAILURE;
            }
            String name = result.getCallerPrincipal().getName();
            HttpSession session = freshSession(request);
            if (twoFactors.enrolled(name)) {
                // the password was right; the session waits for the code, and signs in no one yet
                session.setAttribute(PENDING_USER, name);
                session.setAttribute(PENDING_SINCE, System.currentTimeMillis());
                request.setAttribute(CODE_NEEDED, Boolean.TRUE);
                return AuthenticationStatus.SEND_FAILURE;
            }
            signedIn(session, name, result.getCallerGroups());
            return context.notifyContainerAboutLogin(result);
        }

        // 2. HTTP Basic, checked on every request that carries it
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential basic = decodeBasic(authorization.substring(6).trim());
            CredentialValidationResult result = basic == null ? CredentialValidationResult.INVALID_RESULT
                    : checked(request, basic);
            if (result == null) {
                return tooMany(request, response, context, (LoginThrottle.Refusal) request.getAttribute(REFUSAL));
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                String name = result.getCallerPrincipal().getName();
                if (twoFactors.enrolled(name)) {
                    AuthenticationStatus refused = basicSecondFactor(request, response, context, name);
                    if (refused != null) {
                        return refused;
                    }
                }
                return context.notifyContainerAboutLogin(result);
            }
            return challenge(request, response, context, "The credentials are not valid.");
        }

        // 3. a person signed in earlier in this session
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
            if (!context.isProtected()) { // the login page, scripts and styles: nothing to check
                @SuppressWarnings("unchecked")
                Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
                return context.notifyContainerAboutLogin(user, groups);
            }
            // the account as it is now: changed roles apply at the next click; a disabled account
            // or a reset password ends the session (on any instance, since each reads the database)
            Optional<? extends Account> staff = directory.byUsername(user);
            if (staff.isPresent() && staff.get().active() && stamp(staff.get()).equals(session.getAttribute(SESSION_PASSWORD))) {
                Set<String> groups = StaffIdentityStore.groups(staff.get());
                if (!groups.equals(session.getAttribute(SESSION_GROUPS))) {
                    session.setAttribute(SESSION_GROUPS, new HashSet<>(groups));
                }
                CurrentUser.accountRead(currentUser, staff.get());
                return context.notifyContainerAboutLogin(user, groups);
            }
            session.invalidate();
        }

        if (!context.isProtected()) {
            return context.doNothing();
        }
        return challenge(request, response, context, "Sign in first: send HTTP Basic credentials.");
    }

    /**
     * A credential checked under the sign-in throttle: null when the attempt came too early for
     * its name or address (refused without looking at the password; the reason in the request's
     * {@link #REFUSAL} attribute). A failure is counted; a success forgets the name's failures.
     */
    private CredentialValidationResult checked(HttpServletRequest request, Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up) || up.getCaller() == null) {
            return identityStores.validate(credential);
        }
        String name = up.getCaller();
        String address = addresses.of(request);
        boolean vouched = cache.vouchesFor(name, up.getPasswordAsString());
        if (!vouched) {
            Optional<LoginThrottle.Refusal> refusal = throttle.refusal(name, address);
            if (refusal.isPresent()) {
                request.setAttribute(REFUSAL, refusal.get());
                return null;
            }
        }
        CredentialValidationResult result = identityStores.validate(credential);
        String door = request.getHeader("Authorization") != null ? "basic" : "form";
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            // with two factors, the sign-in succeeds (and the failures are forgotten) only with the code
            if (!vouched && !twoFactors.enrolled(name)) {
                // a script's calls within the credential cache's period are one sign-in, not thousands
                throttle.succeeded(name);
                audit.recordQuietly(audit, SecurityAudit.Kind.SIGNED_IN, name, address, door);
            }
        } else {
            cache.forget(name);
            boolean locked = throttle.failed(name, address);
            audit.recordQuietly(audit, SecurityAudit.Kind.SIGN_IN_FAILED, name, address, door);
            if (locked) {
                audit.recordQuietly(audit, SecurityAudit.Kind.LOCKED, name, address, "after repeated failures");
            }
        }
        return result;
    }

    /** A fresh session id at login, against session fixation. */
    private static HttpSession freshSession(HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        return request.getSession(true);
    }

    private void signedIn(HttpSession session, String name, Set<String> groups) {
        session.removeAttribute(PENDING_USER);
        session.removeAttribute(PENDING_SINCE);
        session.setAttribute(SESSION_USER, name);
        session.setAttribute(SESSION_GROUPS, new HashSet<>(groups));
        directory.byUsername(name).ifPresent(s -> session.setAttribute(SESSION_PASSWORD, stamp(s)));
    }

    /**
     * The login form's second step: the code for the account waiting in this session. A wrong code
     * counts as a failed sign-in (throttled, and locking, like a wrong password).
     */
    private AuthenticationStatus secondStep(HttpServletRequest request, HttpMessageContext context, OneTimeCode code) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING_USER) instanceof String name)
                || !(session.getAttribute(PENDING_SINCE) instanceof Long since)
                || System.currentTimeMillis() - since > PENDING_MILLIS) {
            return AuthenticationStatus.SEND_FAILURE; // back to the password
        }
        String address = addresses.of(request);
        Optional<LoginThrottle.Refusal> refusal = throttle.refusal(name, address);
        if (refusal.isPresent()) {
            request.setAttribute(REFUSAL, refusal.get());
            if (refusal.get().locked()) {
                session.invalidate();
            } else {
                request.setAttribute(CODE_NEEDED, Boolean.TRUE);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<? extends Account> account = directory.byUsername(name).filter(Account::active);
        TwoFactors.Check check = account.isEmpty() ? TwoFactors.Check.REFUSED : twoFactors.check(name, code.code());
        if (check == TwoFactors.Check.REFUSED) {
            codeFailed(name, address, "form");
            request.setAttribute(CODE_NEEDED, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        codeTaken(name, address, "form", check);
        Set<String> groups = StaffIdentityStore.groups(account.get());
        signedIn(freshSession(request), name, groups);
        CurrentUser.accountRead(currentUser, account.get());
        return context.notifyContainerAboutLogin(name, groups);
    }

    /**
     * Basic for an account with two factors: the code in {@link #OTP_HEADER}, taken once. Null when
     * it is good; else the 429 or 401 answered.
     */
    private AuthenticationStatus basicSecondFactor(HttpServletRequest request, HttpServletResponse response,
                                                   HttpMessageContext context, String name) {
        String address = addresses.of(request);
        Optional<LoginThrottle.Refusal> refusal = throttle.refusal(name, address);
        if (refusal.isPresent()) {
            return tooMany(request, response, context, refusal.get());
        }
        String code = request.getHeader(OTP_HEADER);
        TwoFactors.Check check = code == null ? TwoFactors.Check.REFUSED : twoFactors.check(name, code);
        if (check == TwoFactors.Check.REFUSED) {
            codeFailed(name, address, code == null ? "basic, no code" : "basic");
            return challenge(request, response, context, "A second factor is needed: send a current code of the"
                    + " authenticator app (each code once), or a recovery code, in the header " + OTP_HEADER + ".");
        }
        codeTaken(name, address, "basic", check);
        request.setAttribute(SECOND_FACTOR_VERIFIED, Boolean.TRUE);
        return null;
    }

    private void codeFailed(String name, String address, String door) {
        boolean locked = throttle.failed(name, address);
        audit.recordQuietly(audit, SecurityAudit.Kind.TWO_FACTOR_FAILED, name, address, door);
        if (locked) {
            audit.recordQuietly(audit, SecurityAudit.Kind.LOCKED, name, address, "after repeated failures");
        }
    }

    private void codeTaken(String name, String address, String door, TwoFactors.Check check) {
        throttle.succeeded(name);
        if (check == TwoFactors.Check.RECOVERY_CODE) {
            audit.recordQuietly(audit, SecurityAudit.Kind.RECOVERY_CODE_USED, name, address, door + ", "
                    + twoFactors.recoveryCodesLeft(name) + " left");
        }
        audit.recordQuietly(audit, SecurityAudit.Kind.SIGNED_IN, name, address, door + ", two factors");
    }

    /**
     * Keeps a person signed in after changing their own password in this session (a password
     * changed elsewhere, or reset by the admin, still ends the session).
     */
    public static void ownPasswordChanged(HttpServletRequest request, Account account) {
        HttpSession session = request.getSession(false);
        if (session != null && account.username().equals(session.getAttribute(SESSION_USER))) {
            session.setAttribute(SESSION_PASSWORD, stamp(account));
        }
    }

    /** The account waiting in this session for its second factor, if any. */
    public static Optional<String> pendingSecondFactor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING_USER) instanceof String name
                && session.getAttribute(PENDING_SINCE) instanceof Long since
                && System.currentTimeMillis() - since <= PENDING_MILLIS) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    /** 429 with Retry-After for a script that tries again too soon, or for a locked account. */
    private AuthenticationStatus tooMany(HttpServletRequest request, HttpServletResponse response,
                                         HttpMessageContext context,
                                         LoginThrottle.Refusal refusal) {
        try {
            SecurityHeaders.apply(request, response, https);
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            String detail = refusal.locked()
                    ? "Too many failed sign-ins: the account is locked for " + refusal.retryAfterSeconds()
                    + " s, or until the district admin unlocks it."
                    : "Too many failed sign-ins: try again in " + refusal.retryAfterSeconds() + " s.";
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                    + "\"detail\":\"" + detail + "\",\"retryAfter\":" + refusal.retryAfterSeconds()
                    + ",\"locked\":" + refusal.locked() + "}");
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context, String detail) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            try {
                SecurityHeaders.apply(request, response, https);
                response.setStatus(401);
                response.setHeader("WWW-Authenticate", "Basic realm=\"TriLink\", charset=\"UTF-8\"");
                response.setContentType(Problem.MEDIA_TYPE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"" + detail + "\"}");
            } catch (IOException e) {
                return context.responseUnauthorized();
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return context.redirect(request.getContextPath() + "/login");
    }

    static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A digest of the stored password hash, to notice a reset without keeping the hash in the session. */
    static String stamp(Account staff) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(staff.passwordHash()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
