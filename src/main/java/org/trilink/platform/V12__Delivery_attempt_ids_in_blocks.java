package org.trilink.platform;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway V12: delivery attempts take their ids from the sequence in blocks of 50, so that a
 * delivery chunk's attempts are inserted in one JDBC batch instead of asking the sequence once per
 * row. JPA takes {@code nextval} as the last id of its block of 50. The sequence therefore
 * restarts 50 above the highest id in use (a fresh one would hand out -48 to 1 first). Plain SQL
 * cannot compute that on both H2 and PostgreSQL, hence a Java migration; the name is Flyway's
 * convention.
 */
class V12__Delivery_attempt_ids_in_blocks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        long highest;
        try (Statement s = context.getConnection().createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from partner_delivery_attempt")) {
            rs.next();
            highest = rs.getLong(1);
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("drop sequence partner_delivery_attempt_seq");
            s.execute("create sequence partner_delivery_attempt_seq start with " + (highest + 50) + " increment by 50");
        }
    }
}
