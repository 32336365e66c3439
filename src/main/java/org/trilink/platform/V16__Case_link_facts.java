package org.trilink.platform;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway V16: a case's referral, follow-up and other-office facts, kept on the case row (issue 5).
 * Every slice of a statistics run used to gather them from three tables and join them to the
 * month's cases, a quarter of the slice's time at 10 million cases. The application rewrites
 * these columns in the transaction of every change that alters them (statistics' CaseLinkFacts);
 * this migration fills them for the cases there are, with its own copy of the statement as it was
 * when V16 was written (a migration calls no application code, so it does the same on every
 * install).
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
            s.executeUpdate(merge("is not null"));
        }
    }

    /** The summary's statement for the cases whose id matches {@code caseIdCondition}, in SQL H2 and PostgreSQL run. */
    private static String merge(String caseIdCondition) {
        return "merge into dispute_case c using ("
            + " select x.case_id as case_id, cast(sum(x.sent) as integer) as sent,"
            + " cast(sum(x.accepted) as integer) as accepted, cast(sum(x.rejected) as integer) as rejected,"
            + " cast(sum(x.overdue) as integer) as overdue, cast(sum(x.visits) as integer) as visits,"
            + " cast(sum(x.performed) as integer) as performed, string_agg(x.office, ',' order by x.office) as offices,"
            + " case when sum(x.pending) > 0 then cast('9999-12-31 00:00:00+00' as timestamp with time zone)"
            + " else max(x.at) end as settled_at"
            + " from ("
            + " select r.case_id as case_id, 1 as sent, case when r.status = 'ACCEPTED' then 1 else 0 end as accepted,"
            + " case when r.status = 'REJECTED' then 1 else 0 end as rejected,"
            + " case when r.overdue = true then 1 else 0 end as overdue, 0 as visits, 0 as performed,"
            + " case when r.status = 'PENDING' then 1 else 0 end as pending, cast(null as varchar(40)) as office,"
            + " greatest(r.sent_at, coalesce(r.decided_at, r.sent_at), coalesce(r.overdue_at, r.sent_at)) as at"
            + " from referral r where r.case_id " + caseIdCondition
            + " union all select v.case_id, 0, 0, 0, 0, 1, case when v.performance = 'PERFORMED' then 1 else 0 end, 0,"
            + " null, v.visited_at from follow_up_visit v where v.case_id " + caseIdCondition
            + " union all select p.case_id, 0, 0, 0, 0, 0, 0, 0, p.office_code, null"
            + " from case_participant p where p.case_id " + caseIdCondition + " and p.part <> 'HANDLING'"
            + " ) x group by x.case_id"
            + ") l on (c.id = l.case_id)"
            + " when matched then update set links_sent = l.sent, links_accepted = l.accepted,"
            + " links_rejected = l.rejected, links_overdue = l.overdue, links_visits = l.visits,"
            + " links_performed = l.performed, links_offices = l.offices, links_settled_at = l.settled_at";
    }
}
