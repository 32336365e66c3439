package org.trilink.offices.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's own password change: the current one, and the new one the policy must accept. */
@Schema(description = "Your current password and the new one (at least 10 characters of 3 kinds, not your user name,"
        + " none of your last 5)")
public class ChangePassword implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull
    @Size(max = 200)
    private String currentPassword;

    @NotNull
    @Size(max = 200)
    private String newPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
