package org.trilink.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway V31: what each case is found by in a list's search (issue 23), one row per case in
 * {@code case_search}: case, register, ledger and agreement numbers, parties' names, the last
 * four digits of their phones, the summary; lower case, typed year brackets read as 〔〕. The
 * application keeps a row with every change that alters it (cases' CaseSearch); this migration
 * fills the rows of the cases there are, with its own copy of the statement as it was when V31
 * was written (a migration calls no application code).
 * <p>
 * On PostgreSQL an infix {@code like} over the terms is served by a pg_trgm GIN index (the
 * extension is trusted since PostgreSQL 13: the database's owner may create it), its operator
 * class named with the extension's schema; H2 scans.
 */
class V31__Case_search extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        try (Statement s = c.createStatement()) {
            s.execute("create table case_search ("
                    + " case_id bigint not null primary key references dispute_case(id),"
                    + " terms varchar(6000) not null)");
            s.executeUpdate("insert into case_search (case_id, terms) select c.id,"
                    + " lower(translate(left(c.case_number"
                    + " || coalesce(' ' || c.register_number, '') || coalesce(' ' || c.ledger_number, '')"
                    + " || coalesce(' ' || c.agreement_number, '')"
                    + " || coalesce(' ' || (select string_agg(p.name || coalesce(' ' || right(p.phone, 4), ''), ' '"
                    + " order by p.ordinal) from party p where p.case_id = c.id), '')"
                    + " || ' ' || c.summary, 6000), '[【（(［]】）)］', '〔〔〔〔〔〕〕〕〕〕'))"
                    + " from dispute_case c");
            if (postgres) {
                trigrams(c, s);
                String schema;
                try (ResultSet rs = s.executeQuery("select n.nspname from pg_extension e"
                        + " join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                // the operator class named with its schema: the application's search path may not hold it
                s.execute("create index case_search_terms_trgm on case_search using gin (terms \""
                        + schema.replace("\"", "\"\"") + "\".gin_trgm_ops)");
            }
        }
    }

    /**
     * pg_trgm into the schema public where it may go there, so that it outlives any one
     * application's schema (tests drop theirs with everything in it); else into the current one.
     */
    private static void trigrams(Connection c, Statement s) throws java.sql.SQLException {
        boolean inTransaction = !c.getAutoCommit();
        java.sql.Savepoint before = inTransaction ? c.setSavepoint() : null;
        try {
            s.execute("create extension if not exists pg_trgm schema public");
        } catch (java.sql.SQLException refused) {
            if (before != null) {
                c.rollback(before);
            }
            s.execute("create extension if not exists pg_trgm");
        }
    }
}
