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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /**
     * Corrects the particulars; role and kind stay (a different party is a different case).
     *
     * @return the names of the fields that changed, for the history (never their values)
     */
    public List<String> correct(String name, String idNumber, String creditCode, String phone, String address) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(this.name, name)) {
            changed.add("name");
            this.name = name;
        }
        if (!Objects.equals(this.idNumber, idNumber)) {
            changed.add("idNumber");
            this.idNumber = idNumber;
        }
        if (!Objects.equals(this.creditCode, creditCode)) {
            changed.add("creditCode");
            this.creditCode = creditCode;
        }
        if (!Objects.equals(this.phone, phone)) {
            changed.add("phone");
            this.phone = phone;
        }
        if (!Objects.equals(this.address, address)) {
            changed.add("address");
            this.address = address;
        }
        return changed;
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
