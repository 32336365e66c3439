package org.trilink.platform;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.trilink.cases.control.CaseLinks;

/**
 * Flyway V16: a case's referral, follow-up and other-office facts, kept on the case row (issue 5).
 * Every slice of a statistics run used to gather them from three tables and join them to the
 * month's cases, a quarter of the slice's time at 10 million cases. The application rewrites
 * these columns in the transaction of every move that changes them ({@link CaseLinks}); this
 * migration fills them for the cases there are, with the same statement.
 * <ul>
 * <li>{@code links_sent}, {@code links_accepted}, {@code links_rejected}, {@code links_overdue}:
 * the case's referrals and how they were decided or flagged;</li>
 * <li>{@code links_visits}, {@code links_performed}: its follow-up visits and those that found
 * the agreement performed;</li>
 * <li>{@code links_offices}: the offices other than the handling one (joint mediators, former
 * handlers), in code order, comma-separated;</li>
 * <li>{@code links_settled_at}: the latest time among the facts (sent, decided, flagged overdue,
 * visited), or the far future while a referral is pending, as the deadline timer may flag it
 * overdue without a move on the case. A run whose cut-off ends before it reads that case's facts
 * from the tables as they stood at the cut-off. Null: no referral, no visit, no other office.</li>
 * </ul>
 */
class V16__Case_link_facts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        try (Statement s = c.createStatement()) {
            for (String column : new String[] {"links_sent integer", "links_accepted integer", "links_rejected integer",
                "links_overdue integer", "links_visits integer", "links_performed integer",
                "links_offices varchar(2000)", "links_settled_at timestamp with time zone"}) {
                s.execute("alter table dispute_case add column " + column);
            }
            // a slice looks up the few cases of its id range changed since the run's cut-off; most
            // cases have no links at all
            s.execute("create index case_links_settled_idx on dispute_case (links_settled_at, id)"
                    + (postgres ? " where links_settled_at is not null" : ""));
            s.executeUpdate(CaseLinks.merge("is not null"));
        }
    }
}
