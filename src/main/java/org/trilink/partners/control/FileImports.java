package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * Takes a partner's CSV file one record at a time (the route streams it): good rows become
 * referrals, bad rows go to an errors file with their line number and reason. Rows are
 * independent, each in its own transaction; a row seen before is taken as the repeat it is.
 */
@ApplicationScoped
public class FileImports {

    private static final Logger LOG = Logger.getLogger(FileImports.class.getName());

    @Inject
    PartnerRegistry registry;

    @Inject
    PartnerIntake intake;

    @Inject
    RefusalLog refusals;

    /** One file being read: its header, counts, and the errors written so far. */
    public static final class Run {
        final String partnerCode;
        final String fileName;
        final String via;
        final Path errorsFile;
        final BufferedWriter errors;
        CsvReferrals columns;
        int created;
        int repeated;
        int failed;

        Run(String partnerCode, String fileName, String via) {
            this.partnerCode = partnerCode;
            this.fileName = fileName;
            this.via = via;
            try {
                this.errorsFile = Files.createTempFile("trilink-errors-", ".csv");
                this.errors = Files.newBufferedWriter(errorsFile, StandardCharsets.UTF_8);
                errors.write("row,externalId,reason\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public int created() {
            return created;
        }

        public int repeated() {
            return repeated;
        }

        public int failed() {
            return failed;
        }

        public Path errorsFile() {
            return errorsFile;
        }

        void error(long row, String externalId, String reason) {
            failed++;
            try {
                errors.write(row + "," + CsvReferrals.quote(externalId) + "," + CsvReferrals.quote(reason) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Run begin(String partnerCode, String fileName, String via) {
        return new Run(partnerCode, fileName, via);
    }

    /**
     * The file's records, read as they are needed (the route streams them): UTF-8 as the contract
     * says, RFC 4180 quoting. A quote never closed ends the file with an error row for the record
     * where it began; the rows before it are taken.
     */
    public Iterator<CSVRecord> records(Run run, InputStream file) throws IOException {
        CSVParser parser = CsvReferrals.FORMAT.parse(new BufferedReader(new InputStreamReader(file,
                StandardCharsets.UTF_8)));
        return new Records(run, parser);
    }

    /** The records of one file; closed by the splitter when it is done or fails. */
    private static final class Records implements Iterator<CSVRecord>, Closeable {
        private final Run run;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private long last;

        Records(Run run, CSVParser parser) {
            this.run = run;
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                run.error(last + 1, null, "400 the record is not well-formed CSV (a quote is never closed);"
                        + " the rest of the file was not read");
                return false;
            }
        }

        @Override
        public CSVRecord next() {
            CSVRecord record = records.next();
            last = record.getRecordNumber();
            return record;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** One record of the file; the header is record 1, and error rows name the record's number. */
    public void record(Run run, CSVRecord record) {
        long lineNumber = record.getRecordNumber();
        List<String> values = record.toList();
        if (lineNumber == 1) {
            run.columns = new CsvReferrals(values);
            return;
        }
        if (values.stream().allMatch(String::isBlank)) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        ReferralMessage m = run.columns.message(values, errors);
        String externalId = m.externalId;
        try {
            Partner partner = registry.find(run.partnerCode).filter(Partner::enabled)
                    .orElseThrow(() -> new ProblemException(Problem.of(401, "Unauthorized",
                            "The partner is unknown or disabled.")));
            if (!errors.isEmpty()) {
                throw new ProblemException(Problem.of(400, "Bad Request", "The referral has invalid fields.")
                        .withErrors(errors));
            }
            IntakeAnswer answer = intake.take(partner, m, run.via);
            if (answer.status() == 202) {
                run.created++;
            } else {
                run.repeated++;
            }
        } catch (ProblemException e) {
            String reason = reason(e.problem());
            run.error(lineNumber, externalId, reason);
            refusals.record(run.partnerCode, run.via, "file " + run.fileName + " row " + lineNumber,
                    e.problem().status(), reason, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Row " + lineNumber + " of " + run.fileName + " failed: " + e.getClass().getName());
            run.error(lineNumber, externalId, "could not be stored; send it again");
        }
    }

    /** Closes the errors file; empty when every row was good. */
    public Path finish(Run run) {
        try {
            run.errors.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("Partner " + run.partnerCode + " file " + run.fileName + ": " + run.created + " new, "
                + run.repeated + " repeated, " + run.failed + " refused");
        return run.errorsFile;
    }

    static String reason(Problem p) {
        if (p.errors() == null || p.errors().isEmpty()) {
            return p.status() + " " + p.detail();
        }
        return p.status() + " " + p.errors().stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
    }
}
