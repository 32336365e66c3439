package org.trilink.notifications.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.notifications.control.Notifications;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/** The SMS to parties that quiet hours hold (a night, a day off), and until when: the hold made visible. */
@Path("notifications/held-sms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "E-mail to offices and SMS to parties (ADMIN only)")
public class HeldSmsResource {

    @Inject
    CurrentUser user;

    @Inject
    Notifications notifications;

    /** A held message: the party by id only, never the number or the text. */
    public record Held(long id, String eventId, String event, String target, OffsetDateTime createdAt,
                       OffsetDateTime notBefore) {
        static Held of(OutboxMessage m) {
            return new Held(m.id(), m.eventId(), m.event(), m.targetUrl(), m.createdAt(), m.notBefore());
        }
    }

    @GET
    @Operation(summary = "SMS to parties held for quiet hours, the soonest first (district admin)",
            description = "An SMS to a party is not sent between trilink.notifications.sms.quiet-from and quiet-until"
                    + " (21:00 to 08:00 district time) or on a day off of the working calendar; it waits until"
                    + " notBefore, the next working morning. One-time codes are never held.")
    public List<Held> held(@QueryParam("max") @DefaultValue("100") int max) {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin reads the notifications outbox.");
        }
        return notifications.heldSms(Math.max(1, Math.min(max, 500))).stream().map(Held::of).toList();
    }
}
