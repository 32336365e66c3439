package org.trilink.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means the database answers and the schema is in place: {@code GET /health/ready}. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection db = dataSource.getConnection();
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from region")) {
            rs.next();
            return HealthCheckResponse.named("database").status(rs.getLong(1) > 0)
                    .withData("product", db.getMetaData().getDatabaseProductName()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
