package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.trilink.platform.SchemaMigration;

/**
 * Issue 21: an upload left CONFIRMING by a confirmation that died with its instance can be
 * confirmed again once its claim is stale, and the nightly purge gives it back as STAGED; a
 * confirmation at work (its claim renewed) is never taken from it. The statements of
 * {@link LedgerUploads}, on the migrated schema (H2).
 */
class LedgerUploadClaimTest {

    @Test
    void aDeadConfirmationsUploadIsTakenBackOnceItsClaimIsStale() throws Exception {
        String url = "jdbc:h2:mem:claim-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        SchemaMigration.configuration(getClass().getClassLoader()).dataSource(url, "sa", "").load().migrate();
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            for (long id = 1; id <= 2; id++) {
                try (PreparedStatement insert = db.prepareStatement("insert into ledger_upload (id, office_code,"
                        + " file_name, size_bytes, sha256, file_kind, uploaded_by, uploaded_at, status, row_count,"
                        + " valid_count, error_count, warning_count, repeated_count, conflict_count,"
                        + " peoples_mediation, administrative) values (?, 'JO-ZHAOXIANG', 'a.csv', 1, 'x', 'CSV',"
                        + " 'clerk', ?, 'STAGED', 1, 1, 0, 0, 0, 0, 1, 0)")) {
                    insert.setLong(1, id);
                    insert.setObject(2, now.minusHours(3));
                    insert.executeUpdate();
                }
            }
            OffsetDateTime staleBefore = now.minusHours(1);
            // claimed once; a second confirmation, on any instance, is refused while the first works
            assertThat(claim(db, 1, now, staleBefore)).isEqualTo(1);
            assertThat(claim(db, 1, now, staleBefore)).as("a live claim holds").isZero();
            assertThat(status(db, 1)).isEqualTo("CONFIRMING");
            // the claim as it stands an hour and a half later: stale, unless renewed
            set(db, 1, now.minusMinutes(90));
            assertThat(update(db, LedgerUploads.RENEW, now, 1L)).isEqualTo(1);
            assertThat(claim(db, 1, now, staleBefore)).as("a renewed claim holds").isZero();
            set(db, 1, now.minusMinutes(90));
            assertThat(claim(db, 1, now, staleBefore)).as("a dead confirmation's claim is taken over").isEqualTo(1);
            // the purge gives a dead confirmation's upload back as staged, and leaves a live one
            assertThat(claim(db, 2, now, staleBefore)).isEqualTo(1);
            set(db, 1, now.minusMinutes(90));
            assertThat(update(db, LedgerUploads.RECOVER, staleBefore)).isEqualTo(1);
            assertThat(status(db, 1)).isEqualTo("STAGED");
            assertThat(status(db, 2)).isEqualTo("CONFIRMING");
            assertThat(claim(db, 1, now, staleBefore)).isEqualTo(1);
        }
    }

    /** {@link LedgerUploads#CLAIM} at {@code at}. */
    private static int claim(Connection db, long id, OffsetDateTime at, OffsetDateTime staleBefore) throws Exception {
        return update(db, LedgerUploads.CLAIM, "SKIP_ERRORS", "clerk", at, id, staleBefore);
    }

    private static void set(Connection db, long id, OffsetDateTime claimedAt) throws Exception {
        update(db, "update ledger_upload set claimed_at = ? where id = ?", claimedAt, id);
    }

    private static int update(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    private static String status(Connection db, long id) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select status from ledger_upload where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
