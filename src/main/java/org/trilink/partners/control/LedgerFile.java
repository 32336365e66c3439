package org.trilink.partners.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * An uploaded ledger, received whole before a row is taken: spooled to a temporary file (so a
 * file over the size limit is refused with 413 before anything is read), told apart by its
 * first bytes (an .xlsx is a zip; an encrypted .xlsx or an old .xls is an OLE2 container; a
 * PDF or an image is no ledger at all), a CSV's encoding decided, and then read through once
 * without storing anything, so a corrupt, encrypted or zip-bomb file, or a CSV with a broken
 * quote, is refused (400) and leaves nothing behind. Delete it with {@link #close()}.
 */
public final class LedgerFile implements AutoCloseable {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What the file is, by its content. */
    public enum Kind { XLSX, CSV }

    private final Path path;
    private final Kind kind;
    private final Charset charset;

    private LedgerFile(Path path, Kind kind, Charset charset) {
        this.path = path;
        this.kind = kind;
        this.charset = charset;
    }

    /** The file's SHA-256 as hex, as received: what an auditor compares the office's copy with. */
    public String sha256() throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(path)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The CSV's encoding, null for an .xlsx. */
    public Charset charset() {
        return charset;
    }

    /**
     * Receives an upload. {@code contentType} is the declared media type (null when unknown, as
     * from the portal, where the content decides); {@code encoding} the user's choice for a
     * CSV (null to detect), which wins over a charset in the media type.
     */
    public static LedgerFile receive(InputStream body, String contentType, String encoding, long maxBytes) {
        Declared declared = Declared.of(contentType);
        Charset chosen = chosenEncoding(encoding, declared.charset);
        Path path = spool(body, maxBytes);
        boolean kept = false;
        try {
            Kind kind = kind(path, declared.xlsx);
            Charset charset = null;
            if (kind == Kind.CSV) {
                charset = LedgerEncoding.decide(path, chosen).orElseThrow(() -> refused(chosen == null
                        ? "The file's text encoding can not be decided: it is neither UTF-8 nor GB18030 (GBK)."
                        + " Save it from Excel as \"CSV UTF-8\" or as .xlsx, or name its encoding (encoding="
                        + LedgerEncoding.choices() + ")."
                        : "The file is not valid " + chosen.name() + " text, the encoding chosen for it."
                        + " Choose its real encoding, or save it from Excel as .xlsx."));
            }
            LedgerFile file = new LedgerFile(path, kind, charset);
            file.check();
            kept = true;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!kept) {
                delete(path);
            }
        }
    }

    /** The file's bytes, as received: what a staged upload keeps until it is confirmed or discarded. */
    public byte[] bytes() throws IOException {
        return Files.readAllBytes(path);
    }

    /**
     * A file staged before, back from the database: it was checked when it was received, and
     * is read with the kind and encoding decided then.
     */
    public static LedgerFile stored(byte[] content, Kind kind, Charset charset) {
        try {
            Path path = Files.createTempFile("trilink-ledger-", ".staged");
            Files.write(path, content);
            return new LedgerFile(path, kind, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every row, in the file's order, to the consumer. */
    public void rows(BiConsumer<Long, Map<String, String>> consumer) throws IOException {
        if (kind == Kind.XLSX) {
            LedgerReader.xlsx(path, consumer);
        } else {
            LedgerReader.csv(path, charset, consumer);
        }
    }

    /** Reads the file through without taking a row: what can not be read is refused now, before any row is stored. */
    private void check() {
        try {
            rows((number, row) -> {
            });
        } catch (IOException e) {
            throw refused(kind == Kind.XLSX ? xlsxFault(e)
                    : "The CSV file can not be read: " + csvFault(e) + ". Nothing was imported.");
        }
    }

    static String xlsxFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")) {
                return "The .xlsx file unpacks to far more than its size (a zip bomb) and is refused."
                        + " Nothing was imported.";
            }
            if (name.equals("EncryptedDocumentException") || name.equals("OLE2NotOfficeXmlFileException")) {
                return encrypted();
            }
        }
        return "The .xlsx file is damaged or incomplete and can not be read (open it in Excel and save it again)."
                + " Nothing was imported.";
    }

    private static String encrypted() {
        return "The file is password-protected (encrypted) or an old .xls workbook: remove the password and"
                + " save it as .xlsx. Nothing was imported.";
    }

    private static String csvFault(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "a byte does not decode in its encoding";
        }
        // Commons CSV's words for a quote opened and never closed
        return message.contains("EOF reached before encapsulated token finished") || message.contains("encapsulated")
                ? "a quoted field is never closed" : "it is not well-formed CSV";
    }

    /** The kind by content; a declared .xlsx must be one. A PDF or an image is refused as the wrong type. */
    static Kind kind(Path path, boolean declaredXlsx) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(8);
        }
        String wrongType = wrongType(head);
        if (wrongType != null) {
            throw new ProblemException(Problem.of(415, "Unsupported Media Type", "The file is " + wrongType
                    + ", not a ledger: send the ledger as .xlsx or .csv."));
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw refused(encrypted());
        }
        if (startsWith(head, 'P', 'K')) {
            return Kind.XLSX;
        }
        if (declaredXlsx) {
            throw refused(head.length == 0 ? "The file is empty. Nothing was imported."
                    : "The .xlsx file is damaged or incomplete and can not be read (it is not a zip archive)."
                    + " Nothing was imported.");
        }
        return Kind.CSV;
    }

    private static String wrongType(byte[] head) {
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF)
                || startsWith(head, 'G', 'I', 'F', '8') || startsWith(head, 'B', 'M')) {
            return "an image";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Path spool(InputStream body, long maxBytes) {
        Path path;
        try {
            path = Files.createTempFile("trilink-ledger-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(path)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return path;
        } catch (IOException | RuntimeException e) {
            delete(path);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw refused("The file could not be received completely. Nothing was imported.");
        }
    }

    /** 413 for a file over the limit, saying the limit. */
    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(Problem.of(413, "Content Too Large", "The file is larger than the limit of "
                + megabytes(maxBytes) + " for a ledger: split it into several files. Nothing was imported."));
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(Problem.of(400, "Bad Request", detail));
    }

    private static Charset chosenEncoding(String encoding, String declaredCharset) {
        if (encoding != null && !encoding.isBlank()) {
            return LedgerEncoding.named(encoding).orElseThrow(() -> ProblemException.badRequest("encoding",
                    "unknown encoding: choose " + LedgerEncoding.choices()));
        }
        // a charset the import reads is the sender's choice; any other (clients add ISO-8859-1 by
        // default, which no Chinese office saves in) is no decision, and the content decides
        return LedgerEncoding.named(declaredCharset).orElse(null);
    }

    /** The declared media type: xlsx, CSV or text, and its charset; anything else is refused with 415. */
    private record Declared(boolean xlsx, String charset) {
        static Declared of(String contentType) {
            if (contentType == null || contentType.isBlank()) {
                return new Declared(false, null);
            }
            String[] parts = contentType.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            String charset = null;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    charset = p.substring("charset=".length()).replace("\"", "").strip();
                }
            }
            return switch (type) {
                case XLSX -> new Declared(true, null);
                // browsers on Windows send a .csv as application/vnd.ms-excel; some send octet-stream
                case "text/csv", "text/plain", "text/comma-separated-values", "application/csv",
                        "application/vnd.ms-excel", "application/octet-stream" -> new Declared(false, charset);
                default -> throw new ProblemException(Problem.of(415, "Unsupported Media Type",
                        "A ledger is sent as " + XLSX + " (.xlsx) or text/csv (.csv), not as " + type + "."));
            };
        }
    }

    @Override
    public void close() {
        delete(path);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }
}
