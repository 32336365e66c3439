package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.Signatures;

/** Who sent a signed request: the enabled partner whose secret signed it, recently; anything else is 401. */
@ApplicationScoped
public class SignatureCheck {

    @Inject
    PartnerRegistry registry;

    Clock clock = Clock.systemUTC();

    public Partner verify(String partnerId, String timestamp, String signature, byte[] body) {
        if (partnerId == null || timestamp == null || signature == null) {
            throw unauthorized("Send X-Partner-Id, X-Timestamp and X-Signature.");
        }
        long at;
        try {
            at = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw unauthorized("X-Timestamp must be Unix seconds.");
        }
        // look the partner up before judging the clock, but answer alike, so that a caller
        // can not tell an unknown partner from a bad signature
        Partner partner = registry.find(partnerId.strip()).filter(Partner::enabled).orElse(null);
        boolean valid = partner != null && Signatures.matches(partner.secret(), at, body, signature);
        if (!valid) {
            throw unauthorized("The partner is unknown or disabled, or the signature does not match.");
        }
        if (!Signatures.fresh(at, clock.millis() / 1000)) {
            throw unauthorized("X-Timestamp is more than 300 seconds from the server's clock.");
        }
        return partner;
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail));
    }
}
