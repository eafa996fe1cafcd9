package io.ieum.server.web;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;

/**
 * Serves the web client (module {@code ieum-web}) from the class path: {@code /} is its
 * {@code index.html}, every other path outside {@code /api}, {@code /ws}, {@code /health} and
 * {@code /metrics} is a file of the client. Files are revalidated on every load ({@code no-cache}
 * with an ETag), so the service worker always sees the newest shell when a server answers.
 */
public final class WebAssets implements HttpService {

    static final String ROOT = "io/ieum/web/static";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private record Asset(byte[] bytes, String contentType, String etag) {}

    private final ClassLoader loader;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    public WebAssets() {
        this(WebAssets.class.getClassLoader());
    }

    WebAssets(ClassLoader loader) {
        this.loader = requireNonNull(loader, "loader");
    }

    /**
     * Binds the client's files for GET and HEAD only; routes registered for the API keep precedence
     * over this catch-all, and a wrong method on an API route still gets 405.
     */
    public void register(ServerBuilder sb) {
        sb.route().path("/").methods(HttpMethod.GET, HttpMethod.HEAD).build(this);
        sb.route().pathPrefix("/").methods(HttpMethod.GET, HttpMethod.HEAD).build(this);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        String path = ctx.path();
        String name = path.equals("/") ? "/index.html" : path;
        Asset asset = servable(name) ? cache.computeIfAbsent(name, this::load).orElse(null) : null;
        if (asset == null) {
            throw new IeumException(ErrorCode.NOT_FOUND, "path: " + path + " (expected: an API route or a file of the web client)");
        }
        String method = req.method().name();
        var headers = ResponseHeaders.builder(HttpStatus.OK)
                .contentType(MediaType.parse(asset.contentType()))
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set(HttpHeaderNames.ETAG, asset.etag())
                .set("x-content-type-options", "nosniff");
        if (name.equals("/sw.js")) {
            headers.set("service-worker-allowed", "/");
        }
        if (asset.etag().equals(req.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
            return HttpResponse.of(headers.status(HttpStatus.NOT_MODIFIED).build());
        }
        if (method.equals("HEAD")) {
            return HttpResponse.of(headers.contentLength(asset.bytes().length).build());
        }
        return HttpResponse.of(headers.build(), com.linecorp.armeria.common.HttpData.wrap(asset.bytes()));
    }

    private static boolean servable(String name) {
        return !(name.startsWith("/api/") || name.equals("/api") || name.startsWith("/ws") || name.contains("..")
                || name.contains("//") || name.contains("\\") || name.endsWith("/") || extension(name) == null);
    }

    private Optional<Asset> load(String name) {
        String type = TYPES.get(extension(name));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading web asset " + name, e);
        }
    }

    @com.linecorp.armeria.common.annotation.Nullable
    private static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : null;
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
