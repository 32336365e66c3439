package org.trilink.platform.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Requests by area (API, partner exchange, portal, Payara's own endpoints) and answer class
 * (2xx ... 5xx), timed. Payara Micro's own registries have JVM and pool figures but no HTTP
 * request figures unless its monitoring service is switched on, so TriLink counts them here:
 * {@code trilink_http_requests_seconds_count{area="api",status="5xx"}} is what an alert reads.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestMetrics extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MetricRegistry registry;

    private final transient Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            String area = area(request.getRequestURI().substring(request.getContextPath().length()));
            String statusClass = (status / 100) + "xx";
            timers.computeIfAbsent(area + " " + statusClass, k -> registry.timer("trilink.http.requests",
                            new Tag("area", area), new Tag("status", statusClass)))
                    .update(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    static String area(String path) {
        if (path.startsWith("/api/v1/partner/")) {
            return "partner";
        }
        if (path.startsWith("/api/")) {
            return "api";
        }
        if (path.startsWith("/metrics") || path.startsWith("/health") || path.startsWith("/openapi")) {
            return "operations";
        }
        if (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/static/")) {
            return "static";
        }
        return "portal";
    }
}
