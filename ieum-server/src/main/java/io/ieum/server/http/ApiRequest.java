package io.ieum.server.http;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.ServiceRequestContext;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.service.AuthContext;
import io.ieum.server.json.Json;

/**
 * What a handler sees of one call: the caller, path and query parameters, and the body — either
 * aggregated (JSON calls, bounded by the route's size limit) or as a stream (uploads).
 */
public final class ApiRequest {

    private final ServiceRequestContext ctx;
    private final HttpRequest request;
    @Nullable
    private final byte[] body;
    @Nullable
    private final AuthContext caller;
    @Nullable
    private final String token;
    private final Json json;

    ApiRequest(ServiceRequestContext ctx, HttpRequest request, @Nullable byte[] body, @Nullable AuthContext caller,
               @Nullable String token, Json json) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.request = requireNonNull(request, "request");
        this.body = body;
        this.caller = caller;
        this.token = token;
        this.json = requireNonNull(json, "json");
    }

    public ServiceRequestContext ctx() {
        return ctx;
    }

    public RequestHeaders headers() {
        return request.headers();
    }

    /** The request as a stream, for routes registered as streaming (uploads). */
    public HttpRequest stream() {
        return request;
    }

    /** The authenticated caller; only on routes that require a token. */
    public AuthContext caller() {
        if (caller == null) {
            throw new IllegalStateException("caller: none (expected: a route registered as authenticated)");
        }
        return caller;
    }

    /** The bearer token of this call, or null on public routes. */
    @Nullable
    public String token() {
        return token;
    }

    public String clientAddress() {
        return ctx.clientAddress().getHostAddress();
    }

    /** Reads the JSON body strictly into {@code type}; 415 unless it is sent as {@code application/json}. */
    public <T> T body(Class<T> type) {
        requireJson();
        return json.read(body == null ? new byte[0] : body, type);
    }

    /** The raw JSON body, for calls that must tell an absent field from an explicit null. */
    public byte[] rawJson() {
        requireJson();
        return body == null ? new byte[0] : body;
    }

    private void requireJson() {
        MediaType type = request.headers().contentType();
        if (type == null || !type.is(MediaType.JSON)) {
            String sent = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
            throw new IeumException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type: "
                    + (sent == null ? "none" : "'" + sent + "'") + " (expected: application/json)");
        }
    }

    public String path(String name) {
        String value = ctx.pathParam(name);
        if (value == null) {
            throw new IllegalStateException("path parameter '" + name + "' is not in the route");
        }
        return value;
    }

    /** A query parameter, or null if absent. */
    @Nullable
    public String query(String name) {
        return ctx.queryParam(name);
    }

    /** An integer query parameter within {@code min..max}, or {@code fallback} if absent. */
    public int intQuery(String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IeumException(ErrorCode.BAD_REQUEST, name + ": '" + abbreviate(raw) + "' (expected: an integer in " + min + ".." + max + ")");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
