package org.trilink.platform.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * A request body read whole, but never more than a limit: the caller's own 413 problem is thrown
 * as soon as the limit is passed, before the rest of an oversized upload is held in memory.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static byte[] read(InputStream body, long maxBytes, Supplier<ProblemException> tooLarge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = body.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLarge.get();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
