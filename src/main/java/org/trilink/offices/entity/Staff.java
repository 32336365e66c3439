package org.trilink.offices.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.trilink.platform.security.Account;
import org.trilink.platform.security.Role;

/** A person who signs in: works for one office (none for district-wide roles). */
@Entity
@Table(name = "staff")
public class Staff implements Account {

    @Id
    @SequenceGenerator(name = "staff_seq", sequenceName = "staff_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_seq")
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "office_code")
    private String officeCode;

    private boolean active = true;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "password_changed_at")
    private OffsetDateTime passwordChangedAt;

    /** Set by the admin's create and reset, cleared by the person's own change (V28). */
    @Column(name = "password_change_due")
    private boolean passwordChangeDue;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected Staff() {
    }

    public Staff(String username, String passwordHash, String displayName, String officeCode, Set<Role> roles,
                 OffsetDateTime createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.officeCode = officeCode;
        this.roles = new HashSet<>(roles);
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public String officeCode() {
        return officeCode;
    }

    public boolean active() {
        return active;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public void change(String displayName, String officeCode, Set<Role> roles) {
        this.displayName = displayName;
        this.officeCode = officeCode;
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = OffsetDateTime.now();
    }

    /** A password the admin gave (new account, reset): due to be changed at the next sign-in. */
    public void passwordSetByAdmin(String passwordHash) {
        changePassword(passwordHash);
        this.passwordChangeDue = true;
    }

    /** The person's own new password: nothing is due any more. */
    public void passwordChangedByOwner(String passwordHash) {
        changePassword(passwordHash);
        this.passwordChangeDue = false;
    }

    @Override
    public boolean passwordChangeDue() {
        return passwordChangeDue;
    }

    /** Null for the demo data's published accounts, which never expire (they are refused in production). */
    @Override
    public OffsetDateTime passwordSetAt() {
        return passwordChangedAt;
    }

    /** When the password was last set by the admin or the person (null: before V27, or a demo account). */
    public OffsetDateTime passwordChangedAt() {
        return passwordChangedAt;
    }

    /** A disabled account cannot sign in; its name stays on the cases it worked. */
    public void enable(boolean on) {
        this.active = on;
    }
}
