package org.trilink.offices.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your own password: 204; 400 naming currentPassword when it is wrong, newPassword"
            + " when it is under 10 characters, of fewer than 3 kinds, contains your user name or is one of your last 5")
    public Response changePassword(ChangePassword change) {
        directory.changeOwnPassword(change);
        return Response.noContent().build();
    }
}
