package org.trilink.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the schema up to date before anything else touches the database. Flyway's lock
 * table makes this safe when several instances start against one database at once.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        // Flyway finds its database plugins through the class loader it is given; in a WAR
        // that must be the application's, not the server's.
        var result = configuration(getClass().getClassLoader())
                .dataSource(dataSource)
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** Every migration, the SQL files and the Java ones, for a database still to be given. */
    public static FluentConfiguration configuration(ClassLoader loader) {
        return Flyway.configure(loader)
                .locations("classpath:db/migration")
                .javaMigrations(new V12__Delivery_attempt_ids_in_blocks(), new V15__Statistics_snapshot_storage(),
                        new V16__Case_link_facts(), new V17__Typed_case_changes(), new V31__Case_search());
    }
}
