package org.trilink.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A party to a dispute. ID number and phone are personal data: masked wherever they are listed. */
@Entity
@Table(name = "party")
public class Party {

    @Id
    @SequenceGenerator(name = "party_seq", sequenceName = "party_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    private DisputeCase disputeCase;

    private int ordinal;

    @Enumerated(EnumType.STRING)
    private PartyRole role;

    @Enumerated(EnumType.STRING)
    private PartyKind kind;

    private String name;

    @Column(name = "id_number")
    private String idNumber;

    @Column(name = "credit_code")
    private String creditCode;

    private String phone;

    private String address;

    protected Party() {
    }

    public Party(PartyRole role, PartyKind kind, String name, String idNumber, String creditCode, String phone,
                 String address) {
        this.role = role;
        this.kind = kind;
        this.name = name;
        this.idNumber = idNumber;
        this.creditCode = creditCode;
        this.phone = phone;
        this.address = address;
    }

    void attach(DisputeCase owner, int position) {
        this.disputeCase = owner;
        this.ordinal = position;
    }

    public Long id() {
        return id;
    }

    public int ordinal() {
        return ordinal;
    }

    public PartyRole role() {
        return role;
    }

    public PartyKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String idNumber() {
        return idNumber;
    }

    public String creditCode() {
        return creditCode;
    }

    public String phone() {
        return phone;
    }

    public String address() {
        return address;
    }
}
