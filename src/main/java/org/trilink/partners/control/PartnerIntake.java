package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.partners.entity.Partner;
import org.trilink.partners.entity.PartnerReferral;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.problem.StrictJson;
import org.trilink.platform.JsonTrees;

/**
 * Takes a partner's referral message from any channel: checks every field and code, then
 * stores it once. The same message again gets the first answer (200); a different message
 * under the same external id is a conflict (409). Nothing is stored for a refused message.
 */
@ApplicationScoped
public class PartnerIntake {

    private static final Logger LOG = Logger.getLogger(PartnerIntake.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    /** Json.createObjectBuilder() looks the JSON-P provider up (ServiceLoader) on every call: 5.6% of a referral's CPU. */
    private static final JsonBuilderFactory ANSWERS = Json.createBuilderFactory(Map.of());

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    OfficeCatalog offices;

    @Inject
    ReferralRecorder recorder;

    /**
     * Parses the raw JSON body; malformed JSON is a 400 with an error on {@code body}. As the
     * contract says, fields it does not know are passed over (a tolerant reader), but a fraction
     * for a whole number or a NUL character in any text is a 400 naming the field.
     */
    public ReferralMessage parse(byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8);
        try {
            JsonValue tree = JsonTrees.value(json);
            if (tree.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed();
            }
            List<Problem.FieldError> faults = StrictJson.faults(tree, ReferralMessage.class,
                    StrictJson.UnknownFields.IGNORE);
            if (!faults.isEmpty()) {
                throw new ProblemException(Problem.of(400, "Bad Request", "The referral has invalid fields.")
                        .withErrors(faults));
            }
            ReferralMessage m = JSON.fromJson(json, ReferralMessage.class);
            if (m == null) {
                throw malformed();
            }
            return m;
        } catch (JsonException | JsonbException | IllegalArgumentException | ClassCastException e) {
            throw malformed();
        }
    }

    public IntakeAnswer take(Partner partner, ReferralMessage m, String via) {
        List<Problem.FieldError> errors = new ArrayList<>(check(m));
        Office office = null;
        if (errors.isEmpty()) {
            if (!offices.isRegion(m.regionCode)) {
                errors.add(new Problem.FieldError("regionCode", "unknown region code"));
            }
            String officeCode = m.targetOffice == null || m.targetOffice.isBlank()
                    ? partner.defaultOfficeCode() : m.targetOffice.strip();
            office = offices.office(officeCode).filter(Office::active).orElse(null);
            if (office == null) {
                errors.add(new Problem.FieldError("targetOffice", "unknown or inactive office"));
            }
            if (m.parties.stream().noneMatch(p -> "APPLICANT".equals(p.role))) {
                errors.add(new Problem.FieldError("parties", "at least one APPLICANT is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The referral has invalid fields.")
                    .withErrors(errors));
        }
        String externalId = m.externalId.strip();
        String hash = contentHash(m);
        Optional<PartnerReferral> known = find(partner.code(), externalId);
        if (known.isPresent()) {
            return repeated(known.get(), hash);
        }
        try {
            PartnerReferral r = recorder.record(partner, externalId, hash, m.toCommand(), office.code(),
                    office.referralDeadlineHours(), via);
            return answer(202, r);
        } catch (RuntimeException e) {
            // two copies at once: the unique key let one through; answer the other like a repeat
            Optional<PartnerReferral> winner = find(partner.code(), externalId);
            if (winner.isPresent()) {
                return repeated(winner.get(), hash);
            }
            throw e;
        }
    }

    public Optional<PartnerReferral> find(String partnerCode, String externalId) {
        return em.createQuery("select r from PartnerReferral r where r.partnerCode = :p and r.externalId = :e",
                        PartnerReferral.class)
                .setParameter("p", partnerCode)
                .setParameter("e", externalId)
                .getResultStream().findFirst();
    }

    private IntakeAnswer repeated(PartnerReferral r, String hash) {
        if (!r.contentHash().equals(hash)) {
            throw ProblemException.conflict("A different referral with externalId " + r.externalId()
                    + " was received already (referral " + r.referralId() + ").");
        }
        return answer(200, r);
    }

    static IntakeAnswer answer(int status, PartnerReferral r) {
        String body = ANSWERS.createObjectBuilder()
                .add("referralId", r.referralId())
                .add("caseNumber", r.caseNumber())
                .add("status", "PENDING")
                .build().toString();
        return new IntakeAnswer(status, r.referralId(), r.caseNumber(), body);
    }

    /** Every form error of the message, by field ({@code parties[0].idNumber}), without the values. */
    public List<Problem.FieldError> check(ReferralMessage m) {
        return violations(m).stream().map(v -> new Problem.FieldError(fieldOf(v), v.getMessage())).toList();
    }

    /** The constraints a message breaks, in the order of their fields (as {@link #check} reports them). */
    List<ConstraintViolation<ReferralMessage>> violations(ReferralMessage m) {
        return validator.validate(m).stream()
                .sorted(Comparator.comparing(PartnerIntake::fieldOf))
                .toList();
    }

    static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** A hash of the message's meaning, not its bytes: spacing and field order do not matter. */
    static String contentHash(ReferralMessage m) {
        BigDecimal amount = m.amountInvolved;
        m.amountInvolved = amount == null ? null : amount.stripTrailingZeros();
        String canonical = JSON.toJson(m);
        m.amountInvolved = amount;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProblemException malformed() {
        return new ProblemException(Problem.of(400, "Bad Request", "The body is not well-formed JSON of the expected shape.")
                .withErrors(List.of(new Problem.FieldError("body", "malformed JSON"))));
    }
}
