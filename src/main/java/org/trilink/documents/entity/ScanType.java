package org.trilink.documents.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a signed copy may have, recognised by their first bytes: a client's
 * Content-Type says what it claims, the magic number what the file is.
 */
public enum ScanType {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    ScanType(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type whose magic number the content starts with, if any. */
    public static Optional<ScanType> detect(byte[] content) {
        return Arrays.stream(values()).filter(t -> t.matches(content)).findFirst();
    }

    public static Optional<ScanType> byMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }

    private boolean matches(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
