package org.trilink.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.cases.control.CaseNumbers;
import org.trilink.cases.control.CaseSearch;
import org.trilink.offices.entity.NumberFormat;
import org.trilink.offices.entity.NumberKind;
import org.trilink.statistics.control.CaseLinkFacts;

/** Writes generated demo cases with JDBC batches; ids come from the same sequences JPA uses. */
final class DemoCaseWriter {

    private final Connection db;

    DemoCaseWriter(Connection db) {
        this.db = db;
    }

    /**
     * Register numbers for the accepted (or filed) demo cases, as their offices would have given
     * them: per office and year, in the order accepted; each office's counter stops at its last.
     */
    void numberAccepted(java.time.ZoneId zone) throws SQLException {
        java.util.Map<String, NumberFormat> formats = new java.util.HashMap<>();
        try (PreparedStatement q = db.prepareStatement("select code, register_format from office");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                formats.put(rs.getString(1), rs.getString(2) == null
                        ? NumberFormat.standard(rs.getString(1), NumberKind.REGISTER) : NumberFormat.of(rs.getString(2)));
            }
        }
        java.util.Map<String, Integer> last = new java.util.LinkedHashMap<>(); // office + year -> last number
        try (PreparedStatement q = db.prepareStatement("select id, handling_office_code,"
                + " coalesce(accepted_at, admin_filed_at) from dispute_case where register_number is null"
                + " and coalesce(accepted_at, admin_filed_at) is not null order by 3, 1");
             PreparedStatement u = db.prepareStatement("update dispute_case set register_number = ?,"
                     + " register_office_code = ? where id = ?");
             ResultSet rs = q.executeQuery()) {
            int batch = 0;
            while (rs.next()) {
                String office = rs.getString(2);
                int year = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(zone).getYear();
                int n = last.merge(office + " " + year, 1, Integer::sum);
                u.setString(1, formats.get(office).format(year, n));
                u.setString(2, office);
                u.setLong(3, rs.getLong(1));
                u.addBatch();
                if (++batch % 1000 == 0) {
                    u.executeBatch();
                }
            }
            u.executeBatch();
        }
        try (PreparedStatement c = db.prepareStatement("insert into office_number_counter (office_code, number_kind,"
                + " number_year, last_number) values (?, 'REGISTER', ?, ?)")) {
            for (var e : last.entrySet()) {
                String[] key = e.getKey().split(" ");
                c.setString(1, key[0]);
                c.setInt(2, Integer.parseInt(key[1]));
                c.setInt(3, e.getValue());
                c.addBatch();
            }
            c.executeBatch();
        }
        // written around the typed changes that keep them: what the cases are found by, numbers included
        try (PreparedStatement search = db.prepareStatement(CaseSearch.fillMissing())) {
            search.executeUpdate();
        }
    }

    void write(List<DemoCaseGenerator.DemoCase> cases) throws SQLException {
        // the migration tests also write the demo data into older schemas: before V42 a participation
        // has no copy of its case's time of receipt
        boolean receiptOnParticipations = hasColumn("case_participant", "case_received_at");
        try (PreparedStatement c = db.prepareStatement("insert into dispute_case (id, case_number, matter_kind, status,"
                + " channel, intake_mode, dispute_type, summary, region_code, address, amount_involved, people_involved,"
                + " risk_level, receiving_office_code, handling_office_code, occurred_at, received_at, accepted_at,"
                + " declined_at, decline_reason, mediation_started_at, outcome, outcome_at, agreement_form,"
                + " agreement_terms, agreement_amount, performance_deadline, failure_reason, failure_guidance,"
                + " follow_up_due, closed_at, criminal_case_averted, mass_petition_averted, admin_filed_at,"
                + " admin_resolution, admin_resolved_at, created_by, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, 'demo', 0)");
             PreparedStatement p = db.prepareStatement("insert into party (id, case_id, ordinal, role, kind, name,"
                     + " id_number, credit_code, phone, address) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement e = db.prepareStatement("insert into case_event (id, case_id, type, occurred_at, actor,"
                     + " office_code, detail, before_state, after_state) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement part = db.prepareStatement("insert into case_participant (case_id, office_code, part,"
                     + " since" + (receiptOnParticipations ? ", case_received_at) values (?, ?, ?, ?, ?)" : ") values (?, ?, ?, ?)"));
             PreparedStatement r = db.prepareStatement("insert into referral (id, case_id, from_office_code,"
                     + " to_office_code, reason, status, sent_at, sent_by, deadline, decided_at, decided_by, version)"
                     + " values (?, ?, ?, ?, ?, ?, ?, 'police', ?, ?, ?, 0)");
             PreparedStatement f = db.prepareStatement("insert into follow_up_visit (id, case_id, visited_at, method,"
                     + " performance, satisfaction, notes, recorded_by, office_code) values (?, ?, ?, ?, ?, ?, null,"
                     + " 'mediator', ?)")) {
            int n = 0;
            for (DemoCaseGenerator.DemoCase d : cases) {
                long id = next("case_seq");
                int i = 1;
                c.setLong(i++, id);
                c.setString(i++, CaseNumbers.format(d.year(), next("case_number_seq")));
                c.setString(i++, d.matterKind());
                c.setString(i++, d.status());
                c.setString(i++, d.channel());
                c.setString(i++, d.intakeMode());
                c.setString(i++, d.disputeType());
                c.setString(i++, d.summary());
                c.setString(i++, d.regionCode());
                c.setString(i++, d.address());
                c.setBigDecimal(i++, d.amountInvolved());
                c.setInt(i++, d.peopleInvolved());
                c.setString(i++, d.riskLevel());
                c.setString(i++, d.receivingOffice());
                c.setString(i++, d.handlingOffice());
                time(c, i++, d.receivedAt());
                time(c, i++, d.receivedAt());
                time(c, i++, d.acceptedAt());
                time(c, i++, d.declinedAt());
                c.setString(i++, d.declineReason());
                time(c, i++, d.mediationStartedAt());
                c.setString(i++, d.outcome());
                time(c, i++, d.outcomeAt());
                c.setString(i++, d.agreementForm());
                c.setString(i++, d.agreementTerms());
                c.setBigDecimal(i++, d.agreementAmount());
                c.setObject(i++, d.performanceDeadline(), Types.DATE);
                c.setString(i++, d.failureReason());
                c.setString(i++, d.failureGuidance());
                c.setObject(i++, d.followUpDue(), Types.DATE);
                time(c, i++, d.closedAt());
                c.setBoolean(i++, d.criminalAverted());
                c.setBoolean(i++, d.petitionAverted());
                time(c, i++, d.adminFiledAt());
                c.setString(i++, d.adminResolution());
                time(c, i++, d.adminResolvedAt());
                c.addBatch();
                int ordinal = 0;
                for (DemoCaseGenerator.PartyRow row : d.parties()) {
                    p.setLong(1, next("party_seq"));
                    p.setLong(2, id);
                    p.setInt(3, ordinal++);
                    p.setString(4, row.role());
                    p.setString(5, row.kind());
                    p.setString(6, row.name());
                    p.setString(7, row.idNumber());
                    p.setString(8, row.creditCode());
                    p.setString(9, row.phone());
                    p.setString(10, row.address());
                    p.addBatch();
                }
                for (DemoCaseGenerator.EventRow row : d.events()) {
                    e.setLong(1, next("case_event_seq"));
                    e.setLong(2, id);
                    e.setString(3, row.type());
                    time(e, 4, row.at());
                    e.setString(5, row.actor());
                    e.setString(6, row.office());
                    e.setString(7, row.detail());
                    e.setString(8, row.before());
                    e.setString(9, row.after());
                    e.addBatch();
                }
                for (DemoCaseGenerator.ParticipantRow row : d.participants()) {
                    part.setLong(1, id);
                    part.setString(2, row.office());
                    part.setString(3, row.part());
                    time(part, 4, row.since());
                    if (receiptOnParticipations) {
                        time(part, 5, d.receivedAt());
                    }
                    part.addBatch();
                }
                for (DemoCaseGenerator.ReferralRow row : d.referrals()) {
                    r.setLong(1, next("referral_seq"));
                    r.setLong(2, id);
                    r.setString(3, row.from());
                    r.setString(4, row.to());
                    r.setString(5, row.reason());
                    r.setString(6, row.status());
                    time(r, 7, row.sentAt());
                    time(r, 8, row.deadline());
                    time(r, 9, row.decidedAt());
                    r.setString(10, row.decidedAt() == null ? null : "mediator");
                    r.addBatch();
                }
                for (DemoCaseGenerator.FollowUpRow row : d.followUps()) {
                    f.setLong(1, next("follow_up_seq"));
                    f.setLong(2, id);
                    time(f, 3, row.at());
                    f.setString(4, row.method());
                    f.setString(5, row.performance());
                    f.setInt(6, row.satisfaction());
                    f.setString(7, row.office());
                    f.addBatch();
                }
                if (++n % 200 == 0) {
                    flush(c, p, e, part, r, f);
                }
            }
            flush(c, p, e, part, r, f);
        }
        // written around the moves that keep it: the cases' summary of referrals, visits and offices
        // (the demo data is also written into older schemas by the migration tests: before V41 there are no ratings)
        boolean ratings = hasTable("party_rating");
        try (PreparedStatement links = db.prepareStatement(CaseLinkFacts.merge("is not null", ratings))) {
            links.executeUpdate();
        }
    }

    private boolean hasTable(String table) throws SQLException {
        return hasColumn(table, null);
    }

    /** Whether the schema has the table and, unless {@code column} is null, that column (names compared without case: H2 folds up, PostgreSQL down). */
    private boolean hasColumn(String table, String column) throws SQLException {
        try (ResultSet columns = db.getMetaData().getColumns(db.getCatalog(), db.getSchema(), "%", "%")) {
            while (columns.next()) {
                if (table.equalsIgnoreCase(columns.getString("TABLE_NAME"))
                        && (column == null || column.equalsIgnoreCase(columns.getString("COLUMN_NAME")))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void flush(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
    }

    private static void time(PreparedStatement s, int index, OffsetDateTime value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, value);
        }
    }

    /** One value per row: JPA takes whole blocks of 50 from the same sequences, so the two never collide. */
    private long next(String sequence) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select nextval('" + sequence + "')");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
