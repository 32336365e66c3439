package org.trilink.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.Problem;

/**
 * {@code /metrics} (Payara's MicroProfile Metrics, which it adds to the application at context
 * root "/") tells an outsider how busy each door is: it answers only a monitoring account (role
 * {@code METRICS}, which the district admin gives; HTTP Basic) or a caller from a configured
 * network ({@code trilink.security.metrics-networks}, CIDR blocks; the address as sign-in
 * throttling takes it, X-Forwarded-For only from a trusted proxy). Everyone else gets 401
 * (no credentials) or 403. Without the setting, the demo profile lets this machine itself in
 * (loopback), production nobody but the role.
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*"}, asyncSupported = true)
public class MetricsGate implements Filter {

    static final String DEMO_NETWORKS = "127.0.0.0/8,::1/128";

    @Inject
    @ConfigProperty(name = "trilink.security.metrics-networks")
    Optional<String> networks;

    @Inject
    Configured configured;

    @Inject
    ClientAddress addresses;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.isUserInRole(Role.METRICS.name()) || within(addresses.of(request), allowed())) {
            chain.doFilter(request, response);
            return;
        }
        boolean anonymous = request.getUserPrincipal() == null;
        response.setStatus(anonymous ? 401 : 403);
        if (anonymous) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"TriLink\", charset=\"UTF-8\"");
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (anonymous ? "Unauthorized" : "Forbidden")
                + "\",\"status\":" + (anonymous ? 401 : 403) + ",\"detail\":\"The metrics are for a monitoring account"
                + " (role METRICS) or the monitoring network only.\"}");
    }

    private List<String> allowed() {
        String configuredNetworks = networks.map(String::strip).orElse("");
        if (configuredNetworks.isEmpty()) {
            configuredNetworks = configured.production() ? "" : DEMO_NETWORKS;
        }
        return Arrays.stream(configuredNetworks.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether an address (a literal, never a name to look up) lies in one of these CIDR blocks. */
    static boolean within(String address, List<String> blocks) {
        byte[] a = literal(address);
        if (a == null) {
            return false;
        }
        for (String block : blocks) {
            int slash = block.indexOf('/');
            byte[] net = literal(slash < 0 ? block : block.substring(0, slash));
            if (net == null || net.length != a.length) {
                continue;
            }
            int bits = a.length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(block.substring(slash + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (prefix < 0 || prefix > bits) {
                continue;
            }
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
            if (new BigInteger(1, a).and(mask).equals(new BigInteger(1, net).and(mask))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] literal(String address) {
        if (address == null) {
            return null;
        }
        String s = address.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        // only IP literals: InetAddress would look a name up in DNS
        if (!(s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (s.contains(":") && s.matches("[0-9a-fA-F:.]+")))) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
