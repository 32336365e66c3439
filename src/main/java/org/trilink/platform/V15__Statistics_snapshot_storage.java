package org.trilink.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway V15, PostgreSQL only (the embedded database has neither feature and needs neither):
 * <ul>
 * <li>an index of the offices other than the handling one: a statistics slice reads them for
 * its month, and finding the few in a hundred among the handling rows was a tenth of the
 * slice's time at 10 million cases;</li>
 * <li>the snapshot's arrays of case ids, outcome times and days are compressed with lz4 where
 * the server has it, else stored uncompressed: PostgreSQL's default compression (pglz) of a
 * month's arrays cost an eighth of the slice's time (docs/benchmarks.md).</li>
 * </ul>
 */
class V15__Statistics_snapshot_storage extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
            return;
        }
        boolean lz4 = false;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select enumvals from pg_settings where name = 'default_toast_compression'")) {
            if (rs.next() && rs.getString(1) != null) {
                lz4 = rs.getString(1).contains("lz4");
            }
        }
        String storage = lz4 ? "set compression lz4" : "set storage external";
        try (Statement s = c.createStatement()) {
            s.execute("create index participant_other_office_idx on case_participant (case_id, office_code)"
                    + " where part <> 'HANDLING'");
            s.execute("alter table stat_run_group alter column case_ids " + storage
                    + ", alter column outcome_ats " + storage + ", alter column days " + storage);
        }
    }
}
