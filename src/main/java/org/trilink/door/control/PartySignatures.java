package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Party;
import org.trilink.documents.control.AgreementSignatures;
import org.trilink.documents.entity.AgreementSignature;
import org.trilink.documents.entity.CaseDocument;
import org.trilink.documents.entity.SigningChannel;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.SecurityAudit;

/**
 * A party signs the mediation agreement on their own phone (issue 24, "Sign"): with the pass of
 * FOLLOW for the case and a fresh code (purpose SIGN) to the party's phone, the party signs the
 * version they were shown, through {@link AgreementSignatures#sign} with channel ONLINE. The case
 * and the party are always the pass's, never the request's. Everything that can be refused without
 * the code is refused before the code is checked, so that a stale version, a second signature or a
 * blank drawing does not spend the party's code.
 */
@ApplicationScoped
public class PartySignatures {

    @Inject
    PartyCases cases;

    @Inject
    PublicCodes codes;

    @Inject
    PartyPasses passes;

    @Inject
    AgreementSignatures signatures;

    @Inject
    CaseHistory history;

    @Inject
    SecurityAudit audit;

    /** The party's own proxy, so that {@link #record} runs in a transaction of its own. */
    @Inject
    PartySignatures self;

    /** A party's place in the signing, as the parties see it: no names, no images. */
    public record Signer(int position, String role, boolean you, boolean signed, OffsetDateTime signedAt,
                         String channel) implements java.io.Serializable {
    }

    /** The agreement to sign, for this party. */
    public record ToSign(String caseNumber, long documentId, int version, String sha256, int pageCount,
                         List<Signer> parties, boolean signedByYou, OffsetDateTime youSignedAt, boolean complete,
                         Long signedDocumentId, String verificationCode) implements java.io.Serializable {
    }

    /** The agreement this party is to sign (the view is recorded); 404 when the case has none yet. */
    @Transactional
    public ToSign agreement(PartyPass pass, String address) {
        DisputeCase c = cases.caseOf(pass);
        ToSign shown = toSign(c, pass);
        history.record(c, new CaseChange.PartyViewedOnline(pass.position(), "AGREEMENT"), null, null,
                PartyPasses.now(), "party:" + pass.position(), null);
        audit.record(SecurityAudit.Kind.PUBLIC_CASE_VIEWED, "party:" + pass.position(), c.caseNumber(), address,
                "AGREEMENT v" + shown.version());
        return shown;
    }

    /** Whether the agreement of the pass's case waits for this party's signature (nothing recorded). */
    public boolean awaitsSignature(PartyPass pass) {
        DisputeCase c = cases.caseOf(pass);
        return signatures.statusForParty(c.id())
                .map(st -> st.signed().isEmpty() && st.parties().stream()
                        .anyMatch(p -> p.position() == pass.position() && p.signature().isEmpty()))
                .orElse(false);
    }

    /** Page {@code page} (1-based) of an agreement version of the pass's case, as a PNG. */
    public byte[] page(PartyPass pass, long documentId, int page) {
        DisputeCase c = cases.caseOf(pass);
        return signatures.agreementPage(c.id(), documentId, page);
    }

    /**
     * A code to confirm the signature, to the phone the case holds for this party (the pages
     * ask for it so; the API asks with {@code POST /codes}, purpose SIGN, as for FOLLOW). The
     * party agreed to the notice when following the case.
     */
    public PublicCodes.Challenge askCode(PartyPass pass, String noticeVersion, String locale, String address) {
        DisputeCase c = cases.caseOf(pass);
        Party p = c.parties().get(pass.position() - 1);
        return codes.request(new PublicCodes.CodeRequest(PartyPass.Purpose.SIGN, p.phone(), null, c.caseNumber(),
                true, noticeVersion, locale), address);
    }

    /** A signature given: the image, the version shown, and the code that confirms it. */
    public record Signing(byte[] png, String sha256, String challenge, String code) {
    }

    /**
     * Signs for the party of {@code pass}: refusals first (no agreement 404; a stale version,
     * signed before 409; a missing, blank, oversized or non-PNG image 400/413/415), then the code
     * (400 wrong, 410 spent; it must be a SIGN code for this very case and party, else 403), then
     * the signature with channel ONLINE and the audit entry, in one transaction.
     */
    public ToSign sign(PartyPass pass, Signing s, String address) {
        DisputeCase c = cases.caseOf(pass);
        Party party = c.parties().get(pass.position() - 1);
        if (signatures.statusForParty(c.id()).isEmpty()) {
            throw noAgreement(c);
        }
        signatures.checkSignable(c.id(), party.id(), s.png(), s.sha256());
        if (s.challenge() == null || s.challenge().isBlank()) {
            throw ProblemException.badRequest("challenge", "ask for a code with purpose SIGN first");
        }
        PartyPass confirmed = codes.verify(s.challenge().strip(), s.code(), address);
        // the code's pass only confirms; it opens nothing further
        passes.end(confirmed.token());
        if (confirmed.purpose() != PartyPass.Purpose.SIGN || !pass.caseId().equals(confirmed.caseId())
                || !pass.position().equals(confirmed.position())) {
            throw ProblemException.forbidden("This code was not sent to confirm your signature in this case: ask for"
                    + " a code with purpose SIGN and your case number.");
        }
        return self.record(pass, party.id(), s, address);
    }

    /** Stores the signature (and, for the last party, the sealed version) with its audit entry. */
    @Transactional
    public ToSign record(PartyPass pass, long partyId, Signing s, String address) {
        AgreementSignatures.Signed signed = signatures.sign(pass.caseId(), partyId, s.png(), address, s.sha256(),
                SigningChannel.ONLINE, null, null);
        DisputeCase c = cases.caseOf(pass);
        audit.record(SecurityAudit.Kind.PUBLIC_AGREEMENT_SIGNED, "party:" + pass.position(), c.caseNumber(), address,
                "document " + signed.signature().documentId() + ", channel ONLINE"
                        + signed.completed().map(d -> ", all signed: sealed version " + d.versionNo()).orElse(""));
        return toSign(c, pass);
    }

    private ToSign toSign(DisputeCase c, PartyPass pass) {
        AgreementSignatures.Status st = signatures.statusForParty(c.id()).orElseThrow(() -> noAgreement(c));
        CaseDocument doc = st.toSign();
        List<Signer> parties = st.parties().stream()
                .map(p -> new Signer(p.position(), p.role(), p.position() == pass.position(), p.signature().isPresent(),
                        p.signature().map(AgreementSignature::signedAt).orElse(null),
                        p.signature().map(x -> x.channel().name()).orElse(null)))
                .toList();
        Optional<Signer> you = parties.stream().filter(Signer::you).findFirst();
        return new ToSign(c.caseNumber(), doc.id(), doc.versionNo(), doc.pdfSha256(),
                AgreementSignatures.pageCount(doc.content()), parties, you.map(Signer::signed).orElse(false),
                you.map(Signer::signedAt).orElse(null), st.signed().isPresent(),
                st.signed().map(CaseDocument::id).orElse(null),
                st.signed().map(CaseDocument::verificationCode).orElse(doc.verificationCode()));
    }

    private static ProblemException noAgreement(DisputeCase c) {
        return ProblemException.notFound("There is no written agreement to sign in case " + c.caseNumber()
                + " yet: the mediator prepares it after the mediation.");
    }
}
