package org.trilink.mediation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A person assigned to mediate a case, in a capacity. They work for an office taking part in it. */
@Entity
@Table(name = "case_mediator")
@IdClass(CaseMediator.Key.class)
public class CaseMediator {

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Id
    @Column(name = "staff_id")
    private Long staffId;

    @Enumerated(EnumType.STRING)
    private MediatorCapacity capacity;

    protected CaseMediator() {
    }

    public CaseMediator(Long caseId, Long staffId, MediatorCapacity capacity) {
        this.caseId = caseId;
        this.staffId = staffId;
        this.capacity = capacity;
    }

    public Long caseId() {
        return caseId;
    }

    public Long staffId() {
        return staffId;
    }

    public MediatorCapacity capacity() {
        return capacity;
    }

    public static class Key implements Serializable {
        public Long caseId;
        public Long staffId;

        public Key() {
        }

        public Key(Long caseId, Long staffId) {
            this.caseId = caseId;
            this.staffId = staffId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && Objects.equals(staffId, k.staffId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, staffId);
        }
    }
}
