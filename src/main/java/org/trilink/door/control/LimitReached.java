package org.trilink.door.control;

import java.util.Map;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/** 429: a daily limit of codes is used up; the answer says until when (Retry-After). */
public class LimitReached extends ProblemException {

    private final long retryAfterSeconds;

    public LimitReached(String which, long retryAfterSeconds) {
        super(new Problem("urn:trilink:problem:too-many-codes", "Too Many Requests", 429,
                "Too many codes were asked for today (" + which + "). Please try again tomorrow.", null, null,
                Map.of("limit", which, "retryAfterSeconds", retryAfterSeconds)));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
