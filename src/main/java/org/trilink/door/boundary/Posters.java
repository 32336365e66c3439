package org.trilink.door.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The address a poster's QR code opens: the configured public address, or the one the request came to. */
final class Posters {

    private Posters() {
    }

    static String applyUrl(HttpServletRequest request, Optional<String> publicUrl, String officeCode) {
        String base = publicUrl.orElseGet(() -> {
            String proto = Optional.ofNullable(request.getHeader("X-Forwarded-Proto")).orElse(request.getScheme());
            int port = request.getServerPort();
            boolean usual = ("http".equals(proto) && port == 80) || ("https".equals(proto) && port == 443);
            return proto + "://" + request.getServerName() + (usual ? "" : ":" + port) + request.getContextPath();
        });
        return base + "/public/apply.xhtml?office=" + URLEncoder.encode(officeCode, StandardCharsets.UTF_8);
    }
}
