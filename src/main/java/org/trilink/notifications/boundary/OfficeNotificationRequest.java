package org.trilink.notifications.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An office's notification settings (a class with public fields: see CaseIntakeRequest). */
public class OfficeNotificationRequest {

    @Email
    @Size(max = 200)
    public String email;

    @Pattern(regexp = "zh-CN|en", message = "zh-CN or en")
    public String locale = "zh-CN";

    public boolean smsToParties;
}
