package org.trilink.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1. Every resource answers errors as {@code application/problem+json}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info = @Info(title = "TriLink API", version = "1",
                description = "Three-office linkage (三所联动) dispute resolution: regions, offices and cases. "
                        + "Every endpoint needs HTTP Basic credentials of a staff account; errors are RFC 9457 problems. "
                        + "JSON bodies are read strictly: an unknown field, a fraction where a whole number belongs or "
                        + "a NUL character is a 400 whose errors name the field (the signed partner door, "
                        + "partner-exchange-v1, passes unknown fields over). "
                        + "ID numbers and phone numbers are masked in lists and shown whole only to staff of an "
                        + "office handling the case, and each such view is recorded."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {
}
