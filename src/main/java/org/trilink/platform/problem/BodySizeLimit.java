package org.trilink.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over 256 KiB with 413: by the declared length before reading anything, and
 * while reading for bodies sent without a length (chunked). Uploads of signed document scans
 * are the one exception: their resource enforces its own, configurable limit.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    public static final int MAX_BYTES = 256 * 1024;

    /**
     * Bodies with limits of their own: scans of signed documents (trilink.documents.max-upload-bytes)
     * and historical ledgers (issue 4), files of many rows read streaming.
     */
    private static final java.util.regex.Pattern OWN_LIMIT =
            java.util.regex.Pattern.compile("/?cases/[^/]+/documents/\\d+/signed-copies/?|/?ledgers(/.*)?");

    @Override
    public void filter(ContainerRequestContext request) {
        if (OWN_LIMIT.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Capped(request.getEntityStream()));
        }
    }

    static WebApplicationException tooLarge() {
        return new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw tooLarge();
            }
        }
    }
}
