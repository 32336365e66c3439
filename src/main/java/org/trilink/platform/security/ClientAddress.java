package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, as sign-in throttling counts it. {@code X-Forwarded-For} is
 * believed only when the request comes from a configured proxy (nginx in front of the cluster):
 * anyone else could write any address there and so escape the count. Of the forwarded chain, the
 * last address that is not itself a trusted proxy is the client.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "trilink.security.trusted-proxies")
    Optional<String> trustedProxies;

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted());
    }

    private Set<String> trusted() {
        return java.util.Arrays.stream(trustedProxies.orElse("").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    static String of(String remote, String forwardedFor, Set<String> trusted) {
        if (forwardedFor == null || !trusted.contains(remote)) {
            return remote;
        }
        String[] chain = forwardedFor.split(",");
        for (int i = chain.length - 1; i >= 0; i--) {
            String hop = chain[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return remote;
    }
}
