package org.trilink.offices.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CredentialRules;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.TriLinkAuthentication;
import org.trilink.platform.security.TwoFactors;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.offices.control.ChangePassword;
import org.trilink.offices.control.StaffDirectory;

/** What a signed-in person does to their own account. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My account", description = "The caller's own account")
public class MyAccountResource {

    @Inject
    StaffDirectory directory;

    @Inject
    TwoFactors twoFactors;

    @Inject
    CurrentUser currentUser;

    @Inject
    CredentialRules rules;

    @Context
    HttpServletRequest request;

    /** The secret of a started enrolment, for the authenticator app. */
    public record TwoFactorStart(String secret, String otpauthUri) {
    }

    /** The first code of the authenticator app. */
    public static class TwoFactorCode {
        public String code;
    }

    /** The ten recovery codes, shown this once. */
    public record RecoveryCodeList(java.util.List<String> recoveryCodes) {
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your own password: 204; 400 naming currentPassword when it is wrong, newPassword"
            + " when it is under 10 characters, of fewer than 3 kinds, contains your user name or is one of your last 5")
    public Response changePassword(ChangePassword change) {
        directory.changeOwnPassword(change);
        return Response.noContent().build();
    }

    @POST
    @Path("two-factor")
    @Operation(summary = "Start enrolling two factors (TOTP, RFC 6238: SHA-1, 30 s, 6 digits): the secret and its"
            + " otpauth:// URI for an authenticator app; 409 when enrolled already")
    public TwoFactorStart startTwoFactor() {
        TwoFactors.Enrolment e = twoFactors.start(staffName());
        return new TwoFactorStart(e.secret(), e.uri());
    }

    @POST
    @Path("two-factor/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the enrolment with the app's current code: the ten one-time recovery codes, shown"
            + " this once; 400 naming code when it is wrong. From then on sign-ins need a code (Basic: header"
            + " X-TriLink-OTP)")
    public RecoveryCodeList confirmTwoFactor(TwoFactorCode body) {
        return new RecoveryCodeList(twoFactors.confirm(staffName(), body == null ? null : body.code));
    }

    @DELETE
    @Path("two-factor")
    @Operation(summary = "Disable your two factors, proven by a code in X-TriLink-OTP (the one this call signs in"
            + " with); 403 for an account with administrative rights where two factors are required")
    public Response disableTwoFactor() {
        String name = staffName();
        if (currentUser.account().map(rules::twoFactorRequiredFor).orElse(true)) {
            throw ProblemException.forbidden("Accounts with administrative rights must keep two factors; another"
                    + " admin resets them for a lost phone.");
        }
        if (request.getAttribute(TriLinkAuthentication.SECOND_FACTOR_VERIFIED) != null) {
            twoFactors.disableVerified(name);
        } else {
            twoFactors.disable(name, request.getHeader(TriLinkAuthentication.OTP_HEADER));
        }
        return Response.noContent().build();
    }

    private String staffName() {
        return currentUser.account().map(org.trilink.platform.security.Account::username)
                .orElseThrow(() -> ProblemException.forbidden("Only staff accounts have two factors here."));
    }
}
