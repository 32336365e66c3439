package org.trilink.partners.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The text encoding of a CSV ledger. Chinese Excel saves CSV as GBK (GB18030 is its superset);
 * other tools save UTF-8, with or without a byte order mark. A file is read strictly: UTF-8 if
 * every byte decodes as UTF-8, else GB18030 if every byte decodes as that; a file that is
 * neither is refused rather than stored garbled. The user may name the encoding instead.
 */
public final class LedgerEncoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    /** The encodings a user may name; GBK and GB2312 are read as GB18030, which contains both. */
    private static final Map<String, Charset> NAMED = Map.of("UTF-8", StandardCharsets.UTF_8,
            "UTF8", StandardCharsets.UTF_8, "GB18030", GB18030, "GBK", GB18030, "GB2312", GB18030,
            "CP936", GB18030);

    private LedgerEncoding() {
    }

    /** An encoding a user named, if it is one of those the import reads. */
    public static Optional<Charset> named(String name) {
        return name == null || name.isBlank() ? Optional.empty()
                : Optional.ofNullable(NAMED.get(name.strip().toUpperCase(Locale.ROOT)));
    }

    /** The encodings the user may name, for messages. */
    public static String choices() {
        return "UTF-8, GB18030 (GBK)";
    }

    /**
     * The file's encoding: the chosen one if it decodes the whole file, else empty; with no
     * choice, UTF-8 (a UTF-8 byte order mark decides at once) or GB18030, whichever decodes it
     * strictly, UTF-8 first; empty when neither does.
     */
    public static Optional<Charset> decide(Path file, Charset chosen) throws IOException {
        if (chosen != null) {
            return decodes(file, chosen) ? Optional.of(chosen) : Optional.empty();
        }
        if (startsWithUtf8Bom(file)) {
            return decodes(file, StandardCharsets.UTF_8) ? Optional.of(StandardCharsets.UTF_8) : Optional.empty();
        }
        for (Charset candidate : new Charset[] {StandardCharsets.UTF_8, GB18030}) {
            if (decodes(file, candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A decoder that refuses malformed and unmappable input instead of replacing it. */
    public static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static boolean decodes(Path file, Charset charset) throws IOException {
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), strict(charset))) {
            char[] buffer = new char[8192];
            while (reader.read(buffer) >= 0) {
                // reading is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWithUtf8Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        }
    }
}
