package io.ieum.server.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.ServerBuilder;

import io.ieum.server.error.ErrorMapper;
import io.ieum.server.json.Json;

/** Registers REST calls on the server: one line per call, each with its access rule and body limit. */
public final class Router {

    private static final Duration LONG_TRANSFER = Duration.ofMinutes(30);

    private final ServerBuilder server;
    private final BearerAuth auth;
    private final ErrorMapper errors;
    private final Json json;
    private final long maxJsonBytes;

    public Router(ServerBuilder server, BearerAuth auth, ErrorMapper errors, Json json, long maxJsonBytes) {
        this.server = requireNonNull(server, "server");
        this.auth = requireNonNull(auth, "auth");
        this.errors = requireNonNull(errors, "errors");
        this.json = requireNonNull(json, "json");
        this.maxJsonBytes = maxJsonBytes;
    }

    /** A call that needs a bearer token. */
    public void user(HttpMethod method, String path, ApiHandler handler) {
        bind(method, path, handler, Endpoint.Access.USER, Endpoint.Body.AGGREGATED, maxJsonBytes, null);
    }

    /** A call anyone may make (sign-up, log-in). */
    public void open(HttpMethod method, String path, ApiHandler handler) {
        bind(method, path, handler, Endpoint.Access.PUBLIC, Endpoint.Body.AGGREGATED, maxJsonBytes, null);
    }

    /** An authenticated upload whose body is streamed to the handler, never held whole. */
    public void upload(String path, long maxBytes, ApiHandler handler) {
        bind(HttpMethod.POST, path, handler, Endpoint.Access.USER, Endpoint.Body.STREAMING, maxBytes, LONG_TRANSFER);
    }

    /** An authenticated call whose response may be long (downloads, exports). */
    public void download(String path, ApiHandler handler) {
        bind(HttpMethod.GET, path, handler, Endpoint.Access.USER, Endpoint.Body.AGGREGATED, maxJsonBytes, LONG_TRANSFER);
    }

    private void bind(HttpMethod method, String path, ApiHandler handler, Endpoint.Access access, Endpoint.Body body,
                      long maxRequestBytes, Duration timeout) {
        var route = server.route().path(path).methods(method).maxRequestLength(maxRequestBytes);
        if (timeout != null) {
            route.requestTimeout(timeout);
        }
        route.build(new Endpoint(handler, access, body, auth, errors, json));
    }
}
