package org.trilink.offices.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A staff account as the district admin enters it: the admin page's form and the API's body.
 * The username and the first password are given once, when the account is made ({@link New});
 * a change replaces the display name, the office and the roles.
 */
@Schema(description = "A staff account to create, or the new name, office and roles of one")
public class StaffForm implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The checks of a new account: on top of the others, its username and first password. */
    public interface New extends Default {
    }

    @Schema(description = "lower-case letters, digits, '.', '_' or '-'; only when creating")
    @NotNull(groups = New.class)
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "2 to 64 lower-case letters, digits, '.', '_' or '-'")
    private String username;

    @NotBlank
    @Size(max = 100)
    private String displayName;

    @Schema(description = "the office the person works for; required for STAFF and OFFICE_HEAD")
    @Size(max = 40)
    private String officeCode;

    @Schema(description = "ADMIN, STAFF, OFFICE_HEAD, DRAFTER or METRICS (checked by StaffDirectory)")
    @NotEmpty
    private List<String> roles = new ArrayList<>();

    @Schema(description = "the first password, at least 10 characters; only when creating")
    @NotNull(groups = New.class)
    @Size(min = 10, max = 200, message = "10 to 200 characters")
    // cleared by the admin page after each attempt, so that the session copy holds it only briefly;
    // not transient: JSON-B ignores transient fields, and the REST API reads it from the body
    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getOfficeCode() {
        return officeCode;
    }

    public void setOfficeCode(String officeCode) {
        this.officeCode = officeCode;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
