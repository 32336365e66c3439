package org.trilink.partners.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.trilink.partners.control.CallbackSender;
import org.trilink.partners.control.Outbox;
import org.trilink.partners.control.PartnerSettings;

/**
 * Delivery of the outbox: a scheduled poll claims due messages (several instances share them
 * through leases), reads them in one query and delivers each on a pool of container threads; the
 * outcome of each try is recorded by the control beans as soon as it is known. The poll waits
 * until its claim is delivered before it claims again, so an instance never holds more than one
 * claim: the leases of what it holds cannot run out while the messages wait in a queue, and other
 * instances find the rest of a backlog.
 */
@Dependent
public class PartnerRoutes extends RouteBuilder {

    @Inject
    Outbox outbox;

    @Inject
    CallbackSender sender;

    @Inject
    PartnerSettings settings;

    @Override
    public void configure() {
        // greedy: while claims find work (a backlog), poll again at once instead of after the delay;
        // synchronous: the next poll waits for the split (an asynchronous one let the greedy poll
        // claim the whole backlog at once, and claims queued past their leases were sent twice)
        from("scheduler:partners-outbox?delay=" + settings.poll().toMillis()
                + "&initialDelay=2000&greedy=true&synchronous=true")
                .routeId("partners.outbox-poll")
                .routeConfigurationId(PartnerErrorHandling.ID)
                .bean(outbox, "claimDue")
                .setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, simple("${body.size} > 0", Boolean.class))
                .bean(sender, "prepare")
                .split(body()).parallelProcessing()
                    .executorService(getContext().getExecutorServiceManager()
                            .newFixedThreadPool(this, "partners-delivery", settings.threads()))
                    .to("direct:partners.deliver-callback")
                .end();

        from("direct:partners.deliver-callback")
                .routeId("partners.deliver-callback")
                .routeConfigurationId(PartnerErrorHandling.ID)
                .bean(sender, "deliver(${body})");
    }
}
