package org.trilink.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Customizer;

/**
 * Someone was shown a case's full ID numbers and phones (PIPL): who, for which office, when,
 * and why (the screen or document that showed them). Append-only.
 */
@Entity
@Customizer(WrittenAfterItsCase.class)
@Table(name = "personal_data_view")
public class PersonalDataView {

    // data_view_seq steps by 50 (V1): a block of ids per sequence call, as for the other tables
    @Id
    @SequenceGenerator(name = "data_view_seq", sequenceName = "data_view_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "data_view_seq")
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String viewer;

    @Column(name = "office_code")
    private String officeCode;

    @Column(name = "viewed_at")
    private OffsetDateTime viewedAt;

    private String purpose;

    protected PersonalDataView() {
    }

    public PersonalDataView(Long caseId, String viewer, String officeCode, OffsetDateTime viewedAt, String purpose) {
        this.caseId = caseId;
        this.viewer = viewer;
        this.officeCode = officeCode;
        this.viewedAt = viewedAt;
        this.purpose = purpose;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public String viewer() {
        return viewer;
    }

    public String officeCode() {
        return officeCode;
    }

    public OffsetDateTime viewedAt() {
        return viewedAt;
    }

    public String purpose() {
        return purpose;
    }
}
