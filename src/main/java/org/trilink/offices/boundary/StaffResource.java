package org.trilink.offices.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.offices.control.NewPassword;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.control.StaffForm;
import org.trilink.offices.entity.Staff;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.LoginThrottle;
import org.trilink.platform.security.SecurityAudit;
import org.trilink.platform.security.Role;

/** Staff accounts, for the district admin only. Passwords go in, never out. */
@Path("staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff administration", description = "Staff accounts, roles and passwords (ADMIN only)")
public class StaffResource {

    public record StaffView(String username, String displayName, String officeCode, List<Role> roles,
                            boolean active, OffsetDateTime createdAt) {
        static StaffView of(Staff s) {
            return new StaffView(s.username(), s.displayName(), s.officeCode(), s.roles().stream().sorted().toList(),
                    s.active(), s.createdAt());
        }
    }

    @Inject
    StaffDirectory directory;

    @Inject
    CurrentUser user;

    @Inject
    LoginThrottle throttle;

    @Inject
    SecurityAudit audit;

    @GET
    @Operation(summary = "Every staff account, by office then username")
    public List<StaffView> list() {
        requireAdmin();
        return directory.all().stream().map(StaffView::of).toList();
    }

    @GET
    @Path("locks")
    @Operation(summary = "Accounts locked now after too many failed sign-ins, with their failures and lock end")
    public List<LoginThrottle.Lock> locks() {
        requireAdmin();
        return throttle.locks();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One staff account")
    public StaffView get(@PathParam("username") String username) {
        requireAdmin();
        return StaffView.of(directory.get(username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a staff account with its first password: 201 with Location; 409 if the username "
            + "is taken; 400 lists every faulty field")
    public Response create(StaffForm form) {
        requireAdmin();
        Staff staff = directory.create(form);
        return Response.created(URI.create("staff/" + staff.username())).entity(StaffView.of(staff)).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a staff account's display name, office and roles; they apply at the person's next "
            + "request")
    public StaffView change(@PathParam("username") String username, StaffForm form) {
        requireAdmin();
        return StaffView.of(directory.change(username, form));
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password; the old one stops working at once and the person's sessions end")
    public Response resetPassword(@PathParam("username") String username, NewPassword password) {
        requireAdmin();
        directory.resetPassword(username, password);
        return Response.noContent().build();
    }

    @POST
    @Path("{username}/disable")
    @Operation(summary = "Disable an account: it signs in no more, and its sessions end")
    public StaffView disable(@PathParam("username") String username) {
        requireAdmin();
        return StaffView.of(directory.enable(username, false));
    }

    @POST
    @Path("{username}/enable")
    @Operation(summary = "Enable an account again")
    public StaffView enable(@PathParam("username") String username) {
        requireAdmin();
        return StaffView.of(directory.enable(username, true));
    }

    @POST
    @Path("{username}/unlock")
    @Operation(summary = "Unlock an account locked after failed sign-ins: its failures are forgotten at once; 404 "
            + "for no such account")
    public Response unlock(@PathParam("username") String username) {
        requireAdmin();
        directory.get(username); // 404 for an unknown name
        if (throttle.unlock(username)) {
            audit.recordAlone(SecurityAudit.Kind.UNLOCKED, user.username(), username, null, null);
        }
        return Response.noContent().build();
    }

    @jakarta.ws.rs.DELETE
    @Path("{username}/two-factor")
    @Operation(summary = "Reset an account's two factors (a lost phone): the secret and recovery codes are gone at"
            + " once, and an admin must enrol anew where two factors are required; audited; 404 for no such account")
    public Response resetTwoFactor(@PathParam("username") String username) {
        requireAdmin();
        directory.get(username); // 404 for an unknown name
        twoFactors.reset(user.username(), username);
        return Response.noContent().build();
    }

    @Inject
    org.trilink.platform.security.TwoFactors twoFactors;

    private void requireAdmin() {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin manages offices and staff.");
        }
    }
}
