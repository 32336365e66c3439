package org.trilink.partners.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.commons.csv.CSVRecord;
import org.trilink.partners.control.DatabaseIdempotentRepository;
import org.trilink.partners.control.FileImports;
import org.trilink.partners.control.PartnerRegistry;
import org.trilink.partners.control.PartnerSettings;
import org.trilink.partners.control.ProcessedMessages;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.camel.CamelRuntime;

/**
 * One file-drop route per partner with an inbox: a local folder, or an {@code sftp://} URI.
 * CSV files are read streaming, line by line; the file then moves to {@code done/} with its
 * errors file beside it. A file whose exact content was taken before is skipped (database
 * idempotent repository), and each row is idempotent by its external id anyway. Routes follow
 * the registry: a changed, disabled or new partner gets its route replaced after the commit.
 */
@Dependent
public class PartnerInboxes extends RouteBuilder {

    private static final Logger LOG = Logger.getLogger(PartnerInboxes.class.getName());
    static final String RUN = "trilinkImport";
    static final String ROUTE_PREFIX = "partners.inbound-file.";
    private static final Object ROUTES = new Object();

    @Inject
    PartnerRegistry registry;

    @Inject
    FileImports imports;

    @Inject
    ProcessedMessages processed;

    @Inject
    PartnerSettings settings;

    @Inject
    CamelRuntime camel;

    @Override
    public void configure() {
        for (Partner p : registry.all()) {
            if (p.enabled() && p.inboxFolder() != null) {
                inbox(this, p);
            }
        }
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PartnerRegistry.PartnerChanged changed) {
        refresh(changed.code());
    }

    /**
     * Brings this instance's inbox routes in line with the partner registry. A change made on
     * another instance of the cluster fires no event here; {@link PartnerInboxSync} calls this
     * every half minute so that every instance watches every inbox.
     */
    public void reconcile() {
        CamelContext context = camel.context();
        if (context == null) {
            return;
        }
        Set<String> known = new HashSet<>();
        for (Partner p : registry.all()) {
            known.add(p.code());
            Route route = context.getRoute(ROUTE_PREFIX + p.code());
            String desired = p.enabled() && p.inboxFolder() != null ? fingerprint(p.inboxFolder()) : null;
            if (!Objects.equals(desired, route == null ? null : route.getDescription())) {
                refresh(p.code());
            }
        }
        for (Route route : context.getRoutes()) {
            String id = route.getRouteId();
            if (id.startsWith(ROUTE_PREFIX) && !known.contains(id.substring(ROUTE_PREFIX.length()))) {
                refresh(id.substring(ROUTE_PREFIX.length()));
            }
        }
    }

    /** Replaces (or removes) one partner's inbox route as the registry has it now. */
    void refresh(String code) {
        CamelContext context = camel.context();
        if (context == null) {
            return;
        }
        String routeId = ROUTE_PREFIX + code;
        synchronized (ROUTES) { // the event and the periodic sync may meet
            try {
                if (context.getRoute(routeId) != null) {
                    context.getRouteController().stopRoute(routeId);
                    context.removeRoute(routeId);
                }
                Partner p = registry.find(code).orElse(null);
                if (p != null && p.enabled() && p.inboxFolder() != null) {
                    context.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            inbox(this, p);
                        }
                    });
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not set up the inbox route of partner " + code + ": "
                        + e.getMessage());
            }
        }
    }

    /** Stands for an inbox in the route's description, without showing it (an SFTP URI may hold a password). */
    static String fingerprint(String inbox) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(inbox.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "inbox " + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The route for one partner's inbox, added to the given builder. */
    void inbox(RouteBuilder builder, Partner p) {
        String inbox = p.inboxFolder();
        boolean sftp = inbox.startsWith("sftp://");
        String via = sftp ? "SFTP" : "FILE";
        String options = "include=.*\\.csv&charset=utf-8&move=done/${file:name}&moveFailed=failed/${file:name}"
                + "&delay=" + settings.filePoll().toMillis();
        String from;
        String done;
        if (sftp) {
            int q = inbox.indexOf('?');
            String base = q < 0 ? inbox : inbox.substring(0, q);
            String query = q < 0 ? "" : inbox.substring(q + 1) + "&";
            from = base + "?" + query + options + "&streamDownload=true&stepwise=false";
            done = base + (base.endsWith("/") ? "" : "/") + "done?" + query + "fileName=${header.trilinkErrorsName}";
        } else {
            Path folder = Path.of(inbox);
            from = "file:" + folder + "?" + options + "&readLock=changed&readLockMinAge=500&readLockCheckInterval=250";
            done = "file:" + folder.resolve("done") + "?fileName=${header.trilinkErrorsName}";
        }
        DatabaseIdempotentRepository files = new DatabaseIdempotentRepository(processed, "partner-files");
        builder.from(from)
                .routeId(ROUTE_PREFIX + p.code())
                .routeDescription(fingerprint(inbox))
                .routeConfigurationId(PartnerErrorHandling.ID)
                .process(e -> e.getIn().setHeader("trilinkFileKey", p.code() + ":" + (sftp
                        // a streamed download can be read once only: name, size and time stand for it
                        ? e.getIn().getHeader(Exchange.FILE_NAME, String.class) + ":"
                        + e.getIn().getHeader(Exchange.FILE_LENGTH) + ":" + e.getIn().getHeader(Exchange.FILE_LAST_MODIFIED)
                        : fileHash(e))))
                // the same file again (same partner, same bytes) is skipped; eager=false adds the key
                // only once the file is done, so a crash half-way reads it again on restart
                .idempotentConsumer(header("trilinkFileKey"), files).eager(false)
                .process(e -> e.setProperty(RUN, imports.begin(p.code(),
                        e.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class), via)))
                // RFC 4180 records (a quoted line break stays in its field), read as the split needs them
                .process(e -> e.getIn().setBody(imports.records(e.getProperty(RUN, FileImports.Run.class),
                        e.getIn().getBody(InputStream.class))))
                .split(body()).streaming()
                    .process(e -> imports.record(e.getProperty(RUN, FileImports.Run.class),
                            e.getIn().getBody(CSVRecord.class)))
                .end()
                .process(e -> {
                    FileImports.Run run = e.getProperty(RUN, FileImports.Run.class);
                    Path errors = imports.finish(run);
                    e.getIn().setHeader("trilinkFailedRows", run.failed());
                    e.getIn().setHeader("trilinkErrorsName",
                            e.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class) + ".errors.csv");
                    e.getIn().setBody(run.failed() > 0 ? errors.toFile() : null);
                })
                .choice().when(header("trilinkFailedRows").isGreaterThan(0))
                    .toD(done)
                .end()
                .process(e -> {
                    FileImports.Run run = e.getProperty(RUN, FileImports.Run.class);
                    Files.deleteIfExists(run.errorsFile());
                })
                .end();
    }

    /** A digest of the file's bytes, read as a stream (the file may be large). */
    static String fileHash(Exchange e) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(e.getIn().getBody(InputStream.class), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
