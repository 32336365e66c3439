package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.MatterKind;
import org.trilink.partners.control.LedgerImport.Refusal;
import org.trilink.partners.control.LedgerImport.RowError;
import org.trilink.partners.control.LedgerUploads.Counts;
import org.trilink.partners.control.LedgerUploads.Issue;
import org.trilink.partners.control.LedgerUploads.Mode;
import org.trilink.partners.control.LedgerUploads.Page;
import org.trilink.partners.control.LedgerUploads.Severity;
import org.trilink.partners.control.LedgerUploads.Upload;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * Preview, then confirm (issue 21). An uploaded ledger is checked row by row and staged in the
 * database with what the check found (errors, warnings, rows imported before, rows that differ
 * from what was imported before); nothing reaches the cases until someone confirms it, on any
 * instance. The confirmation reads the staged file again and checks every row again (a row
 * imported by another upload meanwhile is then repeated), then stores all rows in one
 * transaction or none (ALL_OR_NOTHING), or every good row on its own (SKIP_ERRORS).
 */
@ApplicationScoped
public class LedgerStaging {

    private static final Logger LOG = Logger.getLogger(LedgerStaging.class.getName());

    /** A suspicious amount: an agreement over 100 million yuan (1亿) is more often a typo than a fact. */
    static final BigDecimal LARGE_AMOUNT = new BigDecimal("100000000");
    /** Received more than this many years ago: ledgers that old are rare, a mistyped year is not. */
    static final int OLD_YEARS = 10;
    /** A follow-up visit more than a year after the outcome: possible, but worth a second look. */
    static final int LATE_VISIT_DAYS = 365;
    /** Issues shown with a preview. */
    public static final int FIRST_ISSUES = 50;

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    LedgerImport ledgers;

    @Inject
    LedgerUploads uploads;

    @Inject
    LedgerRows ledgerRows;

    @Inject
    Configured configured;

    @Inject
    UserTransaction transaction;

    /**
     * The time an all-or-nothing confirmation may take, in seconds. Payara's JTA default is no
     * limit at all; a 100,000-row ledger stores in about 100 s, so half an hour leaves room on a
     * slow database and still ends a transaction that hangs.
     */
    @Inject
    @ConfigProperty(name = "trilink.ledger.confirm-timeout-seconds", defaultValue = "1800")
    int confirmTimeoutSeconds;

    /** Rows looked up and stored together; the persistence context is emptied after each chunk. */
    @Inject
    @ConfigProperty(name = "trilink.ledger.chunk-rows", defaultValue = "500")
    int chunkRows;

    /**
     * How long a confirmation's claim holds without being renewed, in seconds: past it, the
     * upload is taken as staged again (its confirmation died with its instance). Longer than
     * {@code trilink.ledger.confirm-timeout-seconds}, which ends an all-or-nothing confirmation;
     * one that skips errors renews its claim with every chunk.
     */
    @Inject
    @ConfigProperty(name = "trilink.ledger.confirming-stale-seconds", defaultValue = "3600")
    int confirmingStaleSeconds;

    /** Claims renewed before this are of confirmations that died. */
    public OffsetDateTime staleBefore() {
        return OffsetDateTime.now().minusSeconds(Math.max(confirmingStaleSeconds, confirmTimeoutSeconds + 60));
    }

    /** An upload with the first page of its issues: what the clerk sees before confirming. */
    public record Preview(Upload upload, Page<Issue> issues) implements java.io.Serializable {
    }

    /** What a confirmation did. {@code errors} are the refused rows in the old report's words (for its API). */
    public record Confirmation(long uploadId, LedgerUploads.Status status, Mode mode, int created, int repeated,
                               int skipped, int failed, @JsonbTransient List<RowError> errors)
            implements java.io.Serializable {
    }

    /** Checks an uploaded file and stages it for {@code officeCode}; nothing reaches the cases. */
    public Preview stage(LedgerFile file, String fileName, String officeCode, CurrentUser user) throws IOException {
        String sha256 = file.sha256();
        Pass pass = new Pass(officeCode, user.admin(), sha256, null, null);
        file.rows(pass::row);
        pass.flush();
        long id = uploads.stage(officeCode, fileName(fileName, file), file.bytes(), sha256, file.kind().name(),
                file.charset() == null ? null : file.charset().name(), user.username(), pass.counts(), pass.issues);
        return preview(id);
    }

    private Preview preview(long id) {
        return new Preview(uploads.find(id).orElseThrow(), uploads.issues(id, null, 0, FIRST_ISSUES));
    }

    /**
     * The old one-call import ({@code POST /api/v1/ledgers}): staged and confirmed at once,
     * skipping bad rows, so it is among the office's past imports like any other.
     */
    public LedgerImport.Report importAtOnce(LedgerFile file, String fileName, String officeCode, CurrentUser user)
            throws IOException {
        // staged without a preview and confirmed from the file at hand: the confirmation checks
        // every row and keeps its counts and issues, so a preview first read the file twice
        long id = uploads.stage(officeCode, fileName(fileName, file), file.bytes(), file.sha256(), file.kind().name(),
                file.charset() == null ? null : file.charset().name(), user.username(),
                new Counts(0, 0, 0, 0, 0, 0, 0, 0), List.of());
        Upload u = upload(id, user);
        if (!uploads.claim(id, Mode.SKIP_ERRORS, user.username(), staleBefore())) {
            throw notStaged(uploads.find(id).orElse(u));
        }
        Confirmation done = skipErrors(u, file, user);
        return new LedgerImport.Report(done.created(), done.repeated(), done.skipped() + done.failed(), done.errors());
    }

    /** An upload the user may see: their own office's, or any for the district admin; 404 otherwise. */
    public Upload upload(long id, CurrentUser user) {
        Upload u = uploads.find(id).orElseThrow(LedgerStaging::notFound);
        if (!LedgerImport.mayImport(user) || !user.admin() && !u.officeCode().equals(user.officeCode())) {
            // not "forbidden": another office's uploads are not even shown to exist
            throw notFound();
        }
        return u;
    }

    public Preview preview(long id, CurrentUser user) {
        return preview(upload(id, user).id());
    }

    public Page<Issue> issues(long id, CurrentUser user, Severity severity, int page, int size) {
        return uploads.issues(upload(id, user).id(), severity, page, size);
    }

    /** Past uploads, newest first: staff see their office's; the admin every office's or a named one's. */
    public Page<Upload> uploads(CurrentUser user, String office, int page, int size) {
        if (user.admin() && (office == null || office.isBlank())) {
            return uploads.uploads(null, page, size);
        }
        return uploads.uploads(ledgers.officeFor(user, office), page, size);
    }

    /** Discards a staged upload: its bytes go, nothing of it is stored. 409 once it is confirmed or discarded. */
    public Upload discard(long id, CurrentUser user) {
        Upload u = upload(id, user);
        if (!uploads.discard(u.id())) {
            throw notStaged(uploads.find(id).orElse(u));
        }
        return uploads.find(id).orElseThrow();
    }

    /**
     * Confirms a staged upload, once: the guarded claim lets one confirmation in, on whichever
     * instance; another one, then or later, gets 409.
     */
    public Confirmation confirm(long id, Mode mode, CurrentUser user) {
        Upload u = upload(id, user);
        if (!uploads.claim(id, mode, user.username(), staleBefore())) {
            throw notStaged(uploads.find(id).orElse(u));
        }
        Charset charset = u.encoding() == null ? null : Charset.forName(u.encoding());
        byte[] content = uploads.content(id).orElse(null);
        if (content == null) {
            uploads.release(id, null, null);
            throw notStaged(u);
        }
        try (LedgerFile file = LedgerFile.stored(content, LedgerFile.Kind.valueOf(u.kind()), charset)) {
            return mode == Mode.SKIP_ERRORS ? skipErrors(u, file, user) : allOrNothing(u, file, user);
        }
    }

    private Confirmation skipErrors(Upload u, LedgerFile file, CurrentUser user) {
        Pass pass = new Pass(u.officeCode(), user.admin(), u.sha256(), user.username(), u.id());
        pass.perRow = true;
        try {
            file.rows(pass::row);
            pass.flush();
        } catch (IOException | RuntimeException e) {
            // rows stored so far stay (each is whole, and a new confirmation finds them repeated)
            LOG.log(Level.WARNING, "Ledger upload " + u.id() + " stopped: " + e.getClass().getName(),
                    LedgerImport.withoutMessages(e));
            uploads.release(u.id(), null, null);
            throw new ProblemException(Problem.of(500, "Internal Server Error", "The import stopped ("
                    + LedgerImport.causes(e) + "); the rows stored so far stay. Confirm the upload again:"
                    + " they will count as imported before."));
        }
        int skipped = pass.errors + pass.conflicts;
        uploads.confirmed(u.id(), pass.counts(), pass.issues, pass.created, skipped, pass.failed);
        return new Confirmation(u.id(), LedgerUploads.Status.CONFIRMED, Mode.SKIP_ERRORS, pass.created,
                pass.repeated, skipped, pass.failed, pass.rowErrors());
    }

    private Confirmation allOrNothing(Upload u, LedgerFile file, CurrentUser user) {
        Pass pass = new Pass(u.officeCode(), user.admin(), u.sha256(), user.username(), u.id());
        boolean committed = false;
        try {
            transaction.setTransactionTimeout(confirmTimeoutSeconds);
            transaction.begin();
            file.rows(pass::row);
            pass.flush();
            if (pass.refused()) {
                transaction.rollback();
            } else {
                transaction.commit();
                committed = true;
            }
        } catch (Exception e) {
            rollback();
            LOG.log(Level.WARNING, "Ledger upload " + u.id() + " not stored: " + e.getClass().getName(),
                    LedgerImport.withoutMessages(e));
            uploads.release(u.id(), null, null);
            throw new ProblemException(Problem.of(409, "Conflict", "The rows could not be stored ("
                    + LedgerImport.causes(e) + "); nothing was imported. Confirm the upload again.")
                    .withExtensions(Map.of("uploadId", u.id())));
        } finally {
            try {
                transaction.setTransactionTimeout(0);
            } catch (Exception e) {
                LOG.log(Level.FINE, "transaction timeout not reset", e);
            }
        }
        if (!committed) {
            uploads.release(u.id(), pass.counts(), pass.issues);
            throw new ProblemException(Problem.of(409, "Conflict", "The ledger has " + pass.errors
                    + " rows with errors and " + pass.conflicts + " rows that differ from what was imported before:"
                    + " nothing was imported. Correct the file and upload it again, or confirm skipping those rows.")
                    .withExtensions(Map.of("uploadId", u.id(), "rowsWithErrors", pass.errors, "conflicts", pass.conflicts)));
        }
        uploads.confirmed(u.id(), pass.counts(), pass.issues, pass.created, 0, 0);
        return new Confirmation(u.id(), LedgerUploads.Status.CONFIRMED, Mode.ALL_OR_NOTHING, pass.created,
                pass.repeated, 0, 0, List.of());
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "rollback failed: " + e.getClass().getName());
        }
    }

    /**
     * One read of the file: every row parsed and checked as the import would take it, ledger
     * ids looked up a chunk at a time, and, when confirming, the new rows stored.
     */
    private final class Pass {
        final String officeCode;
        final boolean anyOffice;
        final String sha256;
        final String actor;
        final Long uploadId;
        final ZoneId zone = configured.zone();
        /** The offices and staff the file's rows name, each looked up once (they were a query each, every row). */
        final LedgerImport.Lookups lookups = ledgers.lookups();
        final OffsetDateTime now = OffsetDateTime.now(configured.zone());
        /** Each ledger id with the first row that has it. */
        final Map<String, Long> seen = new HashMap<>();
        final List<Pending> chunk = new ArrayList<>();
        final List<Issue> issues = new ArrayList<>();
        private final List<RowError> rowErrors = new ArrayList<>();
        boolean perRow;
        int rows;
        int valid;
        int errors;
        int warnings;
        int repeated;
        int conflicts;
        int peoplesMediation;
        int administrative;
        int created;
        int failed;

        Pass(String officeCode, boolean anyOffice, String sha256, String actor, Long uploadId) {
            this.officeCode = officeCode;
            this.anyOffice = anyOffice;
            this.sha256 = sha256;
            this.actor = actor;
            this.uploadId = uploadId;
        }

        boolean storing() {
            return actor != null;
        }

        boolean refused() {
            return errors > 0 || conflicts > 0;
        }

        Counts counts() {
            return new Counts(rows, valid, errors, warnings, repeated, conflicts, peoplesMediation, administrative);
        }

        List<RowError> rowErrors() {
            rowErrors.sort(Comparator.comparingLong(RowError::row));
            return rowErrors;
        }

        void row(long number, Map<String, String> raw) {
            rows++;
            String ledgerId = blank(raw.get("ledgerId"));
            List<Refusal> why = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            LedgerImport.Row r = null;
            try {
                r = ledgers.parse(raw, zone, officeCode, anyOffice, lookups);
            } catch (LedgerImport.RefusedRow e) {
                why.addAll(e.refusals());
                List<Problem.FieldError> fields = e.problem().errors();
                for (int i = 0; i < why.size(); i++) {
                    reasons.add(fields != null && i < fields.size()
                            ? fields.get(i).field() + ": " + fields.get(i).message() : why.get(i).code());
                }
            } catch (ProblemException e) {
                why.add(new Refusal(null, "refused", null));
                reasons.add(FileImports.reason(e.problem()));
            }
            Long first = ledgerId == null ? null : seen.putIfAbsent(ledgerId, number);
            if (first != null) {
                why.add(new Refusal("ledgerId", "duplicateInFile", String.valueOf(first)));
                reasons.add("ledgerId: the same ledger id as row " + first + " of the file");
            }
            if (!why.isEmpty()) {
                errors++;
                for (int i = 0; i < why.size(); i++) {
                    Refusal f = why.get(i);
                    issues.add(new Issue(number, ledgerId, Severity.ERROR, f.column(), f.code(), f.limit(),
                            reasons.get(i)));
                }
                rowError(new RowError(number, ledgerId, "400 " + String.join("; ", reasons), List.copyOf(why)));
                return;
            }
            List<Issue> doubts = warnings(number, r);
            if (!doubts.isEmpty()) {
                warnings++;
                issues.addAll(doubts);
            }
            chunk.add(new Pending(number, r, contentHash(raw)));
            if (chunk.size() >= chunkRows) {
                flush();
            }
        }

        private void rowError(RowError e) {
            if (rowErrors.size() < 10_000) {
                rowErrors.add(e);
            }
        }

        /** Looks the chunk's ledger ids up, sorts new from repeated and conflicting rows, and stores the new ones. */
        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            Map<String, String> known = uploads.imported(officeCode,
                    chunk.stream().map(p -> p.row().ledgerId()).toList());
            List<Pending> fresh = new ArrayList<>();
            for (Pending p : chunk) {
                String hash = known.get(p.row().ledgerId());
                if (hash == null) {
                    fresh.add(p);
                } else if (hash.isEmpty() || hash.equals(p.hash())) {
                    // imported before (rows from before content hashes were kept count as the same)
                    repeated++;
                } else {
                    conflicts++;
                    String reason = "ledgerId: imported before with other content; the imported case is not changed";
                    issues.add(new Issue(p.number(), p.row().ledgerId(), Severity.CONFLICT, "ledgerId", "conflict",
                            null, reason));
                    rowError(new RowError(p.number(), p.row().ledgerId(), "409 " + reason,
                            List.of(new Refusal("ledgerId", "conflict", null))));
                }
            }
            chunk.clear();
            for (Pending p : fresh) {
                valid++;
                if (p.row().kind() == MatterKind.ADMINISTRATIVE) {
                    administrative++;
                } else {
                    peoplesMediation++;
                }
            }
            if (!storing() || (!perRow && refused())) {
                return;
            }
            if (fresh.isEmpty()) {
                return;
            }
            if (perRow) {
                storeChunk(fresh);
                return;
            }
            // one transaction for the whole file, a chunk at a time (LedgerRows empties the
            // persistence context as it goes: the heap stays flat); a row that can not be stored
            // fails the whole import
            for (boolean t : ledgerRows.takeAllWithin(pending(fresh), officeCode, actor, hashes(fresh), uploadId)) {
                if (t) {
                    created++;
                } else {
                    repeated++;
                }
            }
        }

        private List<LedgerRows.Pending> pending(List<Pending> fresh) {
            List<LedgerRows.Pending> rows = new ArrayList<>(fresh.size());
            for (Pending p : fresh) {
                rows.add(new LedgerRows.Pending(p.number(), p.row(), new CaseChange.LedgerSource(sha256, p.number())));
            }
            return rows;
        }

        private List<String> hashes(List<Pending> fresh) {
            return fresh.stream().map(Pending::hash).toList();
        }

        /**
         * Skipping errors: the chunk's rows in one transaction (a commit per row was most of the
         * import's time); if one can not be stored, each again alone, so only the bad row fails.
         */
        private void storeChunk(List<Pending> fresh) {
            uploads.renew(uploadId);
            List<Boolean> taken;
            try {
                taken = ledgerRows.takeAll(pending(fresh), officeCode, actor, hashes(fresh), uploadId);
            } catch (RuntimeException e) {
                for (Pending p : fresh) {
                    store(p);
                }
                return;
            }
            for (boolean t : taken) {
                if (t) {
                    created++;
                } else {
                    repeated++; // imported by another upload since the chunk was looked up
                }
            }
        }

        /** One row in a transaction of its own: a bad row of a chunk fails alone. */
        private void store(Pending p) {
            CaseChange.LedgerSource source = new CaseChange.LedgerSource(sha256, p.number());
            try {
                if (ledgerRows.take(p.row(), officeCode, actor, source, p.hash(), uploadId)) {
                    created++;
                } else {
                    // imported by another upload since the chunk was looked up
                    repeated++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ledger row " + p.number() + " failed: " + e.getClass().getName(),
                        LedgerImport.withoutMessages(e));
                failed++;
                String reason = "could not be stored (" + LedgerImport.causes(e) + "); import the row again";
                issues.add(new Issue(p.number(), p.row().ledgerId(), Severity.ERROR, null, "notStored", null, reason));
                rowError(new RowError(p.number(), p.row().ledgerId(), reason,
                        List.of(new Refusal(null, "notStored", null))));
            }
        }

        /** Facts a row may have but that are more often a slip than the truth: stored, shown for a second look. */
        private List<Issue> warnings(long number, LedgerImport.Row r) {
            List<Issue> found = new ArrayList<>();
            if (r.receivedAt() != null && r.receivedAt().isBefore(now.minusYears(OLD_YEARS))) {
                found.add(new Issue(number, r.ledgerId(), Severity.WARNING, "receivedAt", "oldReceived",
                        String.valueOf(OLD_YEARS), "receivedAt: more than " + OLD_YEARS + " years ago"));
            }
            BigDecimal amount = r.agreement() == null ? null : r.agreement().amount();
            if (amount != null && amount.compareTo(LARGE_AMOUNT) > 0) {
                found.add(new Issue(number, r.ledgerId(), Severity.WARNING, "agreementAmount", "largeAmount",
                        "100000000", "agreementAmount: over 100,000,000 yuan"));
            }
            for (int i = 0; i < r.visits().size(); i++) {
                LedgerImport.Visit v = r.visits().get(i);
                if (r.concludedAt() != null && v.at().isAfter(r.concludedAt().plusDays(LATE_VISIT_DAYS))) {
                    String column = i == 0 ? "followUpAt" : "followUpAt" + (i + 1);
                    found.add(new Issue(number, r.ledgerId(), Severity.WARNING, column, "lateFollowUp",
                            String.valueOf(LATE_VISIT_DAYS), column + ": more than " + LATE_VISIT_DAYS
                            + " days after the outcome"));
                }
            }
            return found;
        }
    }

    private record Pending(long number, LedgerImport.Row row, String hash) {
    }

    /**
     * SHA-256 of a row's normalised content: its columns by key in order, values stripped with
     * inner blanks collapsed, blank cells left out; the row's number is not part of it. The same
     * row saved again (or in another column order) hashes the same; a changed fact does not.
     */
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

    static String contentHash(Map<String, String> raw) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(raw).entrySet()) {
            String v = blank(e.getValue());
            if (v != null && e.getKey() != null) {
                s.append(e.getKey()).append('\u001f').append(BLANKS.matcher(v).replaceAll(" ")).append('\u001e');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The upload's name as the user's system had it, without a path; a default by kind when none came. */
    static String fileName(String given, LedgerFile file) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            name = file.kind() == LedgerFile.Kind.XLSX ? "ledger.xlsx" : "ledger.csv";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such ledger upload.");
    }

    private static ProblemException notStaged(Upload u) {
        return new ProblemException(Problem.of(409, "Conflict", "The upload is " + u.status()
                + ", not staged: it is confirmed or discarded once only.")
                .withExtensions(Map.of("uploadId", u.id(), "status", u.status().name())));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
