package io.ieum.server.ops;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.ServerBuilder;

import io.ieum.core.store.Storage;
import io.ieum.server.error.ErrorMapper;
import io.ieum.server.json.Json;

/**
 * {@code GET /api/status} (JSON) and {@code GET /status} (HTML, no script): this node, its storage,
 * the storage nodes and sites as this node's driver sees them, and whether each peer site answers
 * its {@code /health} (probed with a short timeout, cached about a second). Never throws.
 */
public final class StatusService {

    static final Duration PEER_TIMEOUT = Duration.ofMillis(800);
    static final Duration CACHE_FOR = Duration.ofSeconds(1);

    record StorageNodeView(String address, String datacenter, String status) {}

    record DatacenterView(String name, int up, int total, String status) {}

    record StorageView(String backend, String status, String detail, String topology,
                       List<StorageNodeView> nodes, List<DatacenterView> datacenters) {}

    record PeerView(String url, String status, String detail) {}

    record Status(String node, @Nullable String site, String status, Instant checkedAt, StorageView storage,
                  List<PeerView> peers) {}

    private final String nodeName;
    @Nullable
    private final String site;
    private final String backend;
    private final Storage.HealthProbe storage;
    private final List<String> peers;
    private final Json json;
    private final Clock clock;
    private final HttpClient http;
    private List<PeerView> cachedPeers = List.of();
    private Instant peersCheckedAt = Instant.EPOCH;

    public StatusService(String nodeName, @Nullable String site, String backend, Storage.HealthProbe storage,
                         List<String> peers, Json json, Clock clock) {
        this.nodeName = requireNonNull(nodeName, "nodeName");
        this.site = site;
        this.backend = requireNonNull(backend, "backend");
        this.storage = requireNonNull(storage, "storage");
        this.peers = List.copyOf(requireNonNull(peers, "peers"));
        this.json = requireNonNull(json, "json");
        this.clock = requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    public void register(ServerBuilder sb) {
        sb.service("/api/status", (ctx, req) -> HttpResponse.of(CompletableFuture.supplyAsync(
                () -> jsonResponse(), ctx.blockingTaskExecutor())));
        sb.service("/status", (ctx, req) -> HttpResponse.of(CompletableFuture.supplyAsync(
                () -> htmlResponse(ctx, req), ctx.blockingTaskExecutor())));
    }

    private HttpResponse jsonResponse() {
        Status status = status();
        return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, json.write(status));
    }

    private HttpResponse htmlResponse(ServiceRequestContext ctx, HttpRequest req) {
        Locale locale = ErrorMapper.locale(req.headers());
        return HttpResponse.of(HttpStatus.OK, MediaType.HTML_UTF_8, html(status(), locale));
    }

    /** The whole picture, as this node sees it now (peers at most {@link #CACHE_FOR} old). */
    Status status() {
        StorageView storageView = storage();
        List<PeerView> peerViews = peers();
        return new Status(nodeName, site, storageView.status(), clock.instant(), storageView, peerViews);
    }

    private StorageView storage() {
        Storage.HealthStatus health;
        try {
            health = storage.check();
        } catch (RuntimeException e) {
            health = Storage.HealthStatus.failing("probe failed: " + e.getClass().getSimpleName());
        }
        List<StorageNodeView> nodes = new ArrayList<>();
        Map<String, int[]> byDc = new TreeMap<>();
        for (Storage.StorageNode node : health.nodes()) {
            nodes.add(new StorageNodeView(node.address(), node.datacenter(), node.up() ? "UP" : "DOWN"));
            int[] counts = byDc.computeIfAbsent(node.datacenter(), dc -> new int[2]);
            counts[1]++;
            if (node.up()) {
                counts[0]++;
            }
        }
        List<DatacenterView> dcs = new ArrayList<>();
        byDc.forEach((dc, c) -> dcs.add(new DatacenterView(dc, c[0], c[1], c[0] > 0 ? "UP" : "DOWN")));
        String topology = health.nodes().isEmpty() ? "embedded" : "cluster";
        return new StorageView(backend, health.healthy() ? "UP" : "DOWN", health.detail(), topology, nodes, dcs);
    }

    private synchronized List<PeerView> peers() {
        Instant now = clock.instant();
        if (Duration.between(peersCheckedAt, now).compareTo(CACHE_FOR) < 0) {
            return cachedPeers;
        }
        List<CompletableFuture<PeerView>> probes = peers.stream().map(this::probe).toList();
        cachedPeers = probes.stream().map(CompletableFuture::join).toList();
        peersCheckedAt = clock.instant();
        return cachedPeers;
    }

    private CompletableFuture<PeerView> probe(String peer) {
        long started = System.nanoTime();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(peer + "/health"))
                .timeout(PEER_TIMEOUT).method("GET", BodyPublishers.noBody()).build();
        return http.sendAsync(request, BodyHandlers.discarding())
                .thenApply(response -> {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    return response.statusCode() == 200 ? new PeerView(peer, "UP", "health 200 in " + ms + " ms")
                            : new PeerView(peer, "DOWN", "health " + response.statusCode() + " in " + ms + " ms");
                })
                .exceptionally(e -> {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    return new PeerView(peer, "DOWN", "unreachable: " + cause.getClass().getSimpleName());
                });
    }

    static String html(Status s, Locale locale) {
        ResourceBundle texts = bundle(locale);
        StringBuilder b = new StringBuilder(2048);
        b.append("<!doctype html>\n<html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"2\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>").append(esc(text(texts, "status.title"))).append(" · ").append(esc(s.node())).append("</title>")
                .append("<style>body{font:15px system-ui,sans-serif;margin:1.5em;max-width:48em}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .7em;text-align:left}")
                .append(".UP{color:#070;font-weight:bold}.DOWN{color:#b00;font-weight:bold}</style></head><body>\n");
        b.append("<h1>").append(esc(text(texts, "status.title"))).append("</h1>\n<p>")
                .append(esc(text(texts, "status.node"))).append(": <b>").append(esc(s.node())).append("</b>");
        if (s.site() != null) {
            b.append(" · ").append(esc(text(texts, "status.site"))).append(": <b>").append(esc(s.site())).append("</b>");
        }
        b.append(" · ").append(state(texts, s.status())).append("</p>\n");

        StorageView st = s.storage();
        b.append("<h2>").append(esc(text(texts, "status.storage"))).append("</h2>\n<p>").append(esc(st.backend()))
                .append(" · ").append(state(texts, st.status())).append(" · ").append(esc(st.detail())).append("</p>\n");
        if (st.nodes().isEmpty()) {
            b.append("<p>").append(esc(text(texts, "status.embedded"))).append("</p>\n");
        } else {
            b.append("<table><tr><th>").append(esc(text(texts, "status.datacenter"))).append("</th><th>")
                    .append(esc(text(texts, "status.address"))).append("</th><th>")
                    .append(esc(text(texts, "status.state"))).append("</th></tr>\n");
            for (StorageNodeView n : st.nodes()) {
                b.append("<tr><td>").append(esc(n.datacenter())).append("</td><td>").append(esc(n.address()))
                        .append("</td><td>").append(state(texts, n.status())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        b.append("<h2>").append(esc(text(texts, "status.peers"))).append("</h2>\n");
        if (s.peers().isEmpty()) {
            b.append("<p>").append(esc(text(texts, "status.noPeers"))).append("</p>\n");
        } else {
            b.append("<table><tr><th>").append(esc(text(texts, "status.peer"))).append("</th><th>")
                    .append(esc(text(texts, "status.state"))).append("</th><th>")
                    .append(esc(text(texts, "status.detail"))).append("</th></tr>\n");
            for (PeerView p : s.peers()) {
                b.append("<tr><td><a href=\"").append(esc(p.url())).append("/status\">").append(esc(p.url()))
                        .append("</a></td><td>").append(state(texts, p.status())).append("</td><td>")
                        .append(esc(p.detail())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("<p><small>").append(esc(text(texts, "status.checkedAt"))).append(' ').append(esc(s.checkedAt().toString()))
                .append(" · <a href=\"/api/status\">JSON</a></small></p>\n</body></html>\n");
        return b.toString();
    }

    private static String state(ResourceBundle texts, String status) {
        return "<span class=\"" + status + "\">" + esc(text(texts, "status." + status.toLowerCase(Locale.ROOT))) + "</span>";
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String text(ResourceBundle texts, String key) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle("i18n.messages", Locale.ROOT).getString(key);
        }
    }

    static String esc(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
