package org.trilink.door.boundary;

import java.util.Base64;
import org.trilink.platform.problem.ProblemException;

/** A drawn signature as the API and the page receive it: base64, or the canvas's PNG data URL. */
final class SignatureImages {

    private static final String DATA_URL = "data:image/png;base64,";

    private SignatureImages() {
    }

    /** The bytes; an empty array for none (refused as missing by the signing), 400 for what is not base64. */
    static byte[] decode(String image) {
        if (image == null || image.isBlank()) {
            return new byte[0];
        }
        String data = image.strip();
        if (data.regionMatches(true, 0, DATA_URL, 0, DATA_URL.length())) {
            data = data.substring(DATA_URL.length());
        } else if (data.startsWith("data:")) {
            throw ProblemException.badRequest("image", "a PNG image (data:image/png;base64,...)");
        }
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("image", "must be a PNG image in base64");
        }
    }
}
