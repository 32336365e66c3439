package org.trilink.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trilink.partners.simulator.PartnerSimulator;

/** An SMS gateway: verifies the signature, answers 503 to the first n, records what it delivered. */
public final class SmsGateway implements AutoCloseable {
    private final com.sun.net.httpserver.HttpServer server;
    private final List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger fail = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger bad = new java.util.concurrent.atomic.AtomicInteger();

    public SmsGateway(int port, String secret) throws java.io.IOException {
        server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", port), 20);
        server.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String ts = exchange.getRequestHeaders().getFirst("X-Timestamp");
            String sig = exchange.getRequestHeaders().getFirst("X-Signature");
            int status;
            if (ts == null || sig == null || !PartnerSimulator.sign(secret, Long.parseLong(ts), body).equals(sig)) {
                bad.incrementAndGet();
                status = 401;
            } else if (fail.getAndDecrement() > 0) {
                refused.incrementAndGet();
                status = 503;
            } else {
                delivered.add(new String(body, StandardCharsets.UTF_8));
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public void failNext(int n) {
        fail.set(n);
    }

    public List<String> delivered() {
        return delivered;
    }

    public int refused() {
        return refused.get();
    }

    public int badSignatures() {
        return bad.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
