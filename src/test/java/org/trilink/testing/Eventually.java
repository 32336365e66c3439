package org.trilink.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for something the server does in the background (a file route, a delivery route). */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration limit, Callable<Boolean> condition) {
        long end = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("not within " + limit, last);
    }
}
