package org.trilink.partners.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.trilink.partners.control.CallbackSender;
import org.trilink.partners.control.Outbox;
import org.trilink.partners.control.PartnerSettings;

/**
 * Delivery of the outbox: a scheduled poll claims due messages (several instances share them
 * through leases) and delivers each on a pool of container threads; the outcome of each try
 * is recorded by the control beans, which own the transactions. A claim is cut into one small
 * chunk per thread, each read in one query.
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
        // greedy: while claims find work (a backlog), poll again at once instead of after the delay
        from("scheduler:partners-outbox?delay=" + settings.poll().toMillis() + "&initialDelay=2000&greedy=true")
                .routeId("partners.outbox-poll")
                .routeConfigurationId(PartnerErrorHandling.ID)
                .bean(outbox, "claimDue")
                .setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, simple("${body.size} > 0", Boolean.class))
                .process(e -> e.getMessage().setBody(Outbox.chunks(e.getMessage().getBody(List.class), settings.threads())))
                .split(body()).parallelProcessing()
                    .executorService(getContext().getExecutorServiceManager()
                            .newFixedThreadPool(this, "partners-delivery", settings.threads()))
                    .to("direct:partners.deliver-callback")
                .end();

        from("direct:partners.deliver-callback")
                .routeId("partners.deliver-callback")
                .routeConfigurationId(PartnerErrorHandling.ID)
                .bean(sender, "deliverAll(${body})");
    }
}
