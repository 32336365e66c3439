package org.trilink.partners.boundary;

import jakarta.enterprise.context.Dependent;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of every partner route, defined once: a few quick redeliveries for a passing
 * fault, then the failure is logged (by class, never with message bodies, which hold personal
 * data) and handled. What must not be lost is not in the exchange but in the database: an
 * outbox row stays due, a file that failed stays for the next poll (or moves to failed/).
 */
@Dependent
public class PartnerErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "partners.errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .maximumRedeliveries(2)
                .redeliveryDelay(200)
                .logExhausted(true)
                .logExhaustedMessageBody(false)
                .logExhaustedMessageHistory(false)
                .logStackTrace(false)
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .log(LoggingLevel.WARN, "partners", "Route ${routeId} failed: ${exception.class}");
    }
}
