package org.trilink.partners.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partner to create or change (a class with public fields: see CaseIntakeRequest). */
public class PartnerRequest {

    @Pattern(regexp = "[a-z0-9-]{2,40}")
    public String code;

    @NotBlank
    @Size(max = 200)
    public String name;

    @NotBlank
    @Size(max = 40)
    public String defaultOffice;

    @Size(max = 500)
    @Pattern(regexp = "https?://.+|amqp:[A-Za-z0-9._-]+", message = "an http(s) URL, or amqp:<queue>")
    public String callbackUrl;

    @Size(max = 500)
    public String inboxFolder;
}
