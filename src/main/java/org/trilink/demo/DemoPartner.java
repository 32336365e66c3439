package org.trilink.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.partners.control.PartnerRegistry;
import org.trilink.platform.Configured;

/**
 * The embedded demo ships one partner, {@code demo-police} with secret {@code demo-police-secret}
 * (partner-exchange-v1), so that a newcomer can try the API at once. Never in production, where
 * the ProductionGuard refuses to start while any partner has that secret.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class DemoPartner {

    public static final String CODE = "demo-police";

    @Inject
    Configured configured;

    @Inject
    PartnerRegistry registry;

    @Inject
    @ConfigProperty(name = "trilink.partners.demo.office", defaultValue = "JO-ZHAOXIANG")
    String office;

    @Inject
    @ConfigProperty(name = "trilink.partners.demo.callback-url", defaultValue = "")
    Optional<String> callbackUrl;

    @PostConstruct
    void create() {
        if (!configured.production()) {
            registry.ensureDemoPartner(CODE, ProductionGuard.DEMO_PARTNER_SECRET, office, callbackUrl.orElse(""));
        }
    }
}
