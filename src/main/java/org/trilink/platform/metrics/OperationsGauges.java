package org.trilink.platform.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Registers database-backed gauges in the application registry. A gauge's figure is the same on
 * every instance (it comes from the shared database), so dashboards take the maximum across
 * instances, not the sum.
 */
@ApplicationScoped
public class OperationsGauges {

    private static final Logger LOG = Logger.getLogger(OperationsGauges.class.getName());

    @Inject
    MetricRegistry registry;

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "trilink.metrics.cache-seconds", defaultValue = "10")
    long cacheSeconds;

    /** What a gauge's query reads: the first column of the first row, or nothing. */
    @FunctionalInterface
    public interface Query {
        Number read(ResultSet rs) throws SQLException;
    }

    /**
     * A gauge whose figure is {@code read} from the single row of {@code sql} (with the given
     * parameters), at most once per cache period.
     */
    public void register(String name, String unit, String description, String sql, Query read, Object... parameters) {
        Metadata metadata = Metadata.builder().withName(name).withUnit(unit).withDescription(description).build();
        registry.gauge(metadata, new Cached(() -> query(name, sql, read, parameters),
                Duration.ofSeconds(Math.max(0, cacheSeconds))));
    }

    /** A count: the first column of the first row. */
    public void count(String name, String description, String sql, Object... parameters) {
        register(name, "none", description, sql, rs -> rs.getLong(1), parameters);
    }

    private Number query(String name, String sql, Query read, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read.read(rs) : 0;
            }
        } catch (SQLException e) {
            // a scrape must not fail because the database is briefly away: the gauge shows NaN
            LOG.log(Level.FINE, "metric " + name + " could not be read", e);
            return Double.NaN;
        }
    }

    /** Keeps a figure for a while, so that frequent scrapes do not become frequent queries. */
    static final class Cached implements Supplier<Number> {

        private final Supplier<Number> source;
        private final long ttlNanos;
        private Number value;
        private long readAt;

        Cached(Supplier<Number> source, Duration ttl) {
            this.source = source;
            this.ttlNanos = ttl.toNanos();
        }

        @Override
        public synchronized Number get() {
            long now = System.nanoTime();
            if (value == null || now - readAt >= ttlNanos) {
                value = source.get();
                readAt = now;
            }
            return value;
        }
    }
}
