package org.trilink.mediation.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.cases.boundary.LifecycleViews.Flagged;
import org.trilink.mediation.control.FollowUps;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.cases.boundary.CheckMoment;

@Path("follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mediation")
public class FollowUpsResource {

    @Inject
    FollowUps followUps;

    @Inject
    CurrentUser user;

    @Inject
    Configured configured;

    public record CheckResult(String asOfDate, int reminded, int flagged) {
    }

    @GET
    @Path("overdue")
    @Operation(summary = "Concluded cases of an office whose follow-up visit is overdue (found by the timer) and still missing",
            description = "Staff see their own office's list (office may be left out); the admin names any office.")
    public List<Flagged> overdue(@QueryParam("office") String office) {
        String code = office == null || office.isBlank() ? user.officeCode() : office.strip();
        if (code == null) {
            throw ProblemException.badRequest("office", "required: you do not work for an office");
        }
        return followUps.overdueFor(code).stream().map(Flagged::of).toList();
    }

    @POST
    @Path("overdue-check")
    @Operation(summary = "Run the follow-up check now (district admin)",
            description = "The same check the container timer runs every hour: reminds the offices of follow-ups falling due "
                    + "(e-mail, once per case), then flags those past their due date. `asOf` (an ISO instant) runs it as of "
                    + "another moment; honoured outside the production profile only, for drills and tests.")
    public CheckResult check(@QueryParam("asOf") String asOf) {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin runs checks by hand.");
        }
        OffsetDateTime at = CheckMoment.of(asOf, configured.production());
        var date = at.atZoneSameInstant(configured.zone()).toLocalDate();
        FollowUps.Check done = followUps.checkAll(date);
        return new CheckResult(date.toString(), done.reminded(), done.flagged());
    }
}
