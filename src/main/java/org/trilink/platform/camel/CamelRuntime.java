package org.trilink.platform.camel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Apache Camel's lifecycle follows the application's (there is no camel-cdi for Camel 4):
 * one context, started after the schema migration with every {@link RoutesBuilder} bean of
 * the application, stopped when the application stops. All of Camel's threads come from the
 * server's ManagedThreadFactory, so that routes may call CDI beans that own JTA transactions.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CamelRuntime {

    private static final Logger LOG = Logger.getLogger(CamelRuntime.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @Any
    Instance<RoutesBuilder> routes;

    private DefaultCamelContext camel;

    @PostConstruct
    void start() {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("trilink");
        camel.setApplicationContextClassLoader(CamelRuntime.class.getClassLoader());
        camel.getExecutorServiceManager().setThreadPoolFactory(new ManagedThreadPools(threads));
        try {
            for (RoutesBuilder builder : routes) {
                camel.addRoutes(builder);
            }
            camel.start();
        } catch (Exception e) {
            throw new IllegalStateException("Apache Camel could not start: " + e.getMessage(), e);
        }
        LOG.info("Apache Camel started with " + camel.getRoutes().size() + " routes");
    }

    @PreDestroy
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    public CamelContext context() {
        return camel;
    }
}
