package org.trilink.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.platform.Configured;
import org.trilink.platform.security.Passwords;

/**
 * Loads the demo logins and about two years of demo cases into an empty database, once, so
 * that a newcomer sees every screen and statistic with something real in it. Never runs in
 * production. Writes with plain JDBC batches: thousands of rows in a second or two.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "ProductionGuard"})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Inject
    Configured configured;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "trilink.demo-data", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "trilink.demo-data.cases", defaultValue = "2000")
    int caseCount;

    @PostConstruct
    void load() {
        if (!enabled || configured.production()) {
            return;
        }
        try (Connection db = dataSource.getConnection()) {
            if (count(db, "select count(*) from staff") > 0) {
                return; // loaded before (or real accounts exist): never twice
            }
            long started = System.nanoTime();
            insertStaff(db);
            List<DemoCaseGenerator.Office> offices = offices(db);
            OffsetDateTime now = OffsetDateTime.now(Clock.systemUTC()).withOffsetSameInstant(ZoneOffset.UTC);
            DemoCaseGenerator generator = new DemoCaseGenerator(310118L, offices, now, configured.zone());
            DemoCaseWriter writer = new DemoCaseWriter(db);
            writer.write(generator.cases(caseCount));
            writer.numberAccepted(configured.zone());
            LOG.info(() -> "Demo data loaded: " + DemoAccounts.ALL.size() + " logins, " + caseCount + " cases in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the demo data: " + e.getMessage(), e);
        }
    }

    private void insertStaff(Connection db) throws SQLException {
        try (PreparedStatement staff = db.prepareStatement("insert into staff (id, username, password_hash,"
                + " display_name, office_code, active, created_at) values (?, ?, ?, ?, ?, true, ?)");
             PreparedStatement role = db.prepareStatement("insert into staff_role (staff_id, role) values (?, ?)")) {
            long id = 1_000_000; // far above what the sequence hands out, so the two never meet
            for (DemoAccounts.Account a : DemoAccounts.ALL) {
                id++;
                staff.setLong(1, id);
                staff.setString(2, a.username());
                staff.setString(3, passwords.hash(a.password()));
                staff.setString(4, a.displayName());
                staff.setString(5, a.officeCode());
                staff.setObject(6, OffsetDateTime.now(Clock.systemUTC()));
                staff.addBatch();
                for (var r : a.roles()) {
                    role.setLong(1, id);
                    role.setString(2, r.name());
                    role.addBatch();
                }
            }
            staff.executeBatch();
            role.executeBatch();
        }
    }

    private static List<DemoCaseGenerator.Office> offices(Connection db) throws SQLException {
        List<DemoCaseGenerator.Office> result = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select code, type, region_code from office order by code");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                result.add(new DemoCaseGenerator.Office(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return result;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
