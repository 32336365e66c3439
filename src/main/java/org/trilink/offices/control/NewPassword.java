package org.trilink.offices.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A password the district admin sets for someone who lost theirs (a class: see StaffForm). */
public class NewPassword {

    @NotNull
    @Size(min = 10, max = 200, message = "10 to 200 characters")
    private String password;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
