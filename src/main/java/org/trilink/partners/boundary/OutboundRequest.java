package org.trilink.partners.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The office a partner agency stands for, and where its referrals go (a class with public fields). */
public class OutboundRequest {

    @NotBlank
    @Size(max = 40)
    public String office;

    @NotBlank
    @Size(max = 500)
    @Pattern(regexp = "https?://.+", message = "an http(s) URL")
    public String referralUrl;
}
