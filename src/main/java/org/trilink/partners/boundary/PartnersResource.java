package org.trilink.partners.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.outbox.entity.DeliveryAttempt;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.partners.control.OutboundReferrals;
import org.trilink.partners.control.Outbox;
import org.trilink.partners.control.PartnerRegistry;
import org.trilink.partners.control.RefusalLog;
import org.trilink.partners.entity.Partner;
import org.trilink.partners.entity.Refusal;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/** The district admin's view of the partner exchange: partners, dead letters, attempts, refusals. */
@Path("partners")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner administration", description = "Partners, secrets, dead letters and refusals (ADMIN only)")
public class PartnersResource {

    @Inject
    CurrentUser user;

    @Inject
    PartnerRegistry registry;

    @Inject
    Outbox outbox;

    @Inject
    RefusalLog refusals;

    @Inject
    OutboundReferrals outbound;

    @Inject
    OfficeCatalog offices;

    public record PartnerView(String code, String name, String defaultOffice, String callbackUrl, String inboxFolder,
                              boolean enabled, OffsetDateTime createdAt, OffsetDateTime secretRotatedAt) {
        static PartnerView of(Partner p) {
            return new PartnerView(p.code(), p.name(), p.defaultOfficeCode(), p.callbackUrl(), p.inboxFolder(),
                    p.enabled(), p.createdAt(), p.secretRotatedAt());
        }
    }

    /** The only answers that carry a secret: right after creation and rotation. */
    public record PartnerWithSecret(PartnerView partner, String secret, String note) {
        static PartnerWithSecret of(Partner p) {
            return new PartnerWithSecret(PartnerView.of(p), p.secret(),
                    "Shown once: hand it to the partner now; it cannot be read again.");
        }
    }

    public record OutboxView(long id, String eventId, String partner, String kind, String event, String status,
                             int attempts, OffsetDateTime nextAttemptAt, Integer lastStatus, String lastError,
                             OffsetDateTime createdAt, OffsetDateTime deliveredAt, OffsetDateTime deadAt,
                             OffsetDateTime notBefore) {
        static OutboxView of(OutboxMessage m) {
            return new OutboxView(m.id(), m.eventId(), m.partnerCode(), m.kind(), m.event(), m.status().name(),
                    m.attempts(), m.nextAttemptAt(), m.lastStatus(), m.lastError(), m.createdAt(), m.deliveredAt(),
                    m.deadAt(), m.notBefore());
        }
    }

    public record AttemptView(OffsetDateTime attemptedAt, Integer httpStatus, String error, int durationMs) {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attemptedAt(), a.httpStatus(), a.error(), a.durationMs());
        }
    }

    public record RefusalView(long id, OffsetDateTime refusedAt, String partner, String channel, String operation,
                              int status, String reason) {
        static RefusalView of(Refusal r) {
            return new RefusalView(r.id(), r.refusedAt(), r.partnerCode(), r.channel(), r.operation(), r.status(),
                    r.reason());
        }
    }

    @GET
    @Operation(summary = "List partners (never their secrets)")
    public List<PartnerView> list() {
        requireAdmin();
        return registry.all().stream().map(PartnerView::of).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One partner")
    public PartnerView get(@PathParam("code") String code) {
        requireAdmin();
        return PartnerView.of(registry.get(code));
    }

    @GET
    @Path("{code}/outbound")
    @Operation(summary = "The office this partner agency stands for: cases referred to it are sent to the partner")
    public OutboundReferrals.Outbound outbound(@PathParam("code") String code) {
        requireAdmin();
        return outbound.of(code).orElseThrow(() -> ProblemException.notFound("Partner " + code
                + " takes no referrals from offices."));
    }

    @PUT
    @Path("{code}/outbound")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make the partner stand for an office: referring a case to that office sends the contract's"
            + " referral message to the partner's referral URL")
    public OutboundReferrals.Outbound setOutbound(@PathParam("code") String code,
                                                  @NotNull @Valid OutboundRequest request) {
        requireAdmin();
        if (offices.office(request.office).isEmpty()) {
            throw ProblemException.badRequest("office", "no such office");
        }
        return outbound.configure(code, request.office, request.referralUrl).orElseThrow();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a partner; the answer shows its new secret, once")
    public Response create(@NotNull @Valid PartnerRequest request) {
        requireAdmin();
        Partner p = registry.create(request.code, request.name.strip(), request.defaultOffice, request.callbackUrl,
                request.inboxFolder);
        return Response.created(URI.create("partners/" + p.code())).entity(PartnerWithSecret.of(p)).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a partner's name, default office, callback URL or inbox folder")
    public PartnerView change(@PathParam("code") String code, @NotNull @Valid PartnerRequest request) {
        requireAdmin();
        return PartnerView.of(registry.change(code, request.name.strip(), request.defaultOffice, request.callbackUrl,
                request.inboxFolder));
    }

    @POST
    @Path("{code}/disable")
    @Operation(summary = "Disable a partner: its requests are refused with 401 from now on")
    public PartnerView disable(@PathParam("code") String code) {
        requireAdmin();
        return PartnerView.of(registry.enable(code, false));
    }

    @POST
    @Path("{code}/enable")
    @Operation(summary = "Enable a partner again")
    public PartnerView enable(@PathParam("code") String code) {
        requireAdmin();
        return PartnerView.of(registry.enable(code, true));
    }

    @POST
    @Path("{code}/secret")
    @Operation(summary = "Rotate a partner's secret; the answer shows the new one, once")
    public PartnerWithSecret rotate(@PathParam("code") String code) {
        requireAdmin();
        return PartnerWithSecret.of(registry.rotateSecret(code));
    }

    @GET
    @Path("{code}/outbox")
    @Operation(summary = "The partner's most recent outgoing messages, newest first")
    public List<OutboxView> outbox(@PathParam("code") String code,
                                   @QueryParam("limit") @DefaultValue("100") int limit) {
        requireAdmin();
        registry.get(code);
        return outbox.recent(code, Math.min(Math.max(limit, 1), 1000)).stream().map(OutboxView::of).toList();
    }

    @GET
    @Path("dead-letters")
    @Operation(summary = "Messages that could not be delivered (another 4xx, or retries exhausted)")
    public List<OutboxView> deadLetters(@QueryParam("partner") String partner,
                                        @QueryParam("limit") @DefaultValue("200") int limit) {
        requireAdmin();
        return outbox.deadLetters(partner, Math.min(Math.max(limit, 1), 1000)).stream().map(OutboxView::of).toList();
    }

    @POST
    @Path("dead-letters/{id}/replay")
    @Operation(summary = "Send one dead letter again, with the same event id")
    public OutboxView replay(@PathParam("id") long id) {
        requireAdmin();
        return OutboxView.of(outbox.replay(id));
    }

    @POST
    @Path("dead-letters/replay")
    @Operation(summary = "Send every dead letter (of one partner, if named) again")
    public Map<String, Integer> replayAll(@QueryParam("partner") String partner) {
        requireAdmin();
        return Map.of("replayed", outbox.replayAll(partner));
    }

    @GET
    @Path("outbox/{id}/attempts")
    @Operation(summary = "Every delivery attempt of one outgoing message")
    public List<AttemptView> attempts(@PathParam("id") long id) {
        requireAdmin();
        return outbox.attempts(id).stream().map(AttemptView::of).toList();
    }

    @GET
    @Path("refusals")
    @Operation(summary = "Refused partner requests, newest first, without personal data")
    public List<RefusalView> refusals(@QueryParam("limit") @DefaultValue("100") int limit) {
        requireAdmin();
        return refusals.recent(Math.min(Math.max(limit, 1), 1000)).stream().map(RefusalView::of).toList();
    }

    private void requireAdmin() {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin manages partners.");
        }
    }
}
