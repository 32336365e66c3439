package org.trilink.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.persistence.annotations.Customizer;
import org.trilink.offices.entity.NumberFormat;

/**
 * What a case is found by in a list's search box (issue 23), one row per case (table
 * {@code case_search}, Flyway V31): its case number, register number (登记编号), ledger number
 * (台账编号), agreement number (文书编号), its parties' names, the last four digits of their
 * phones (never more: the rest of a phone is no business of a search) and its summary, lower
 * case, with the brackets clerks type read as the official 〔〕. A search is an infix
 * {@code like} over it; on PostgreSQL a pg_trgm GIN index serves it.
 */
@Entity
@Customizer(WrittenAfterItsCase.class)
@Table(name = "case_search")
public class CaseSearchTerms {

    /** The longest terms kept: the numbers and names come first, a long summary is cut. */
    public static final int MAX_LENGTH = 6000;

    @Id
    @Column(name = "case_id")
    private Long caseId;

    private String terms;

    protected CaseSearchTerms() {
    }

    public CaseSearchTerms(DisputeCase c) {
        this.caseId = c.id();
        this.terms = of(c);
    }

    /** Takes the case's terms as they are now. */
    public void update(DisputeCase c) {
        this.terms = of(c);
    }

    public Long caseId() {
        return caseId;
    }

    public String terms() {
        return terms;
    }

    /** The terms of a case as it is now. V31 fills the cases there were with the same in SQL. */
    public static String of(DisputeCase c) {
        List<String> parts = new ArrayList<>();
        add(parts, c.caseNumber());
        add(parts, c.registerNumber());
        add(parts, c.ledgerNumber());
        add(parts, c.agreementNumber());
        for (Party p : c.parties()) {
            add(parts, p.name());
            add(parts, lastFour(p.phone()));
        }
        add(parts, c.summary());
        return normalise(String.join(" ", parts), MAX_LENGTH);
    }

    /**
     * The {@code like} pattern for what someone typed: any part of any term, brackets and case
     * as the terms have them, the wildcards typed taken literally; null when nothing was typed.
     */
    public static String pattern(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String s = normalise(typed.strip(), Integer.MAX_VALUE);
        return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The last four characters of a phone, which are its last four digits. */
    static String lastFour(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.strip();
        return p.length() <= 4 ? p : p.substring(p.length() - 4);
    }

    private static String normalise(String s, int max) {
        String cut = s.length() > max ? s.substring(0, max) : s;
        return NumberFormat.officialBrackets(cut).toLowerCase(Locale.ROOT);
    }

    private static void add(List<String> parts, String s) {
        if (s != null && !s.isBlank()) {
            parts.add(s.strip());
        }
    }
}
