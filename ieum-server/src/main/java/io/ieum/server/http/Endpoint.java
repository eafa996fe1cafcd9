package io.ieum.server.http;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

import io.ieum.core.service.AuthContext;
import io.ieum.server.error.ErrorMapper;
import io.ieum.server.json.Json;

/**
 * Adapts an {@link ApiHandler} to Armeria: aggregates the body (unless streaming), authenticates,
 * runs the handler on the blocking task executor, and turns every failure into a JSON error.
 */
final class Endpoint implements HttpService {

    enum Access { PUBLIC, USER }

    enum Body { AGGREGATED, STREAMING }

    private final ApiHandler handler;
    private final Access access;
    private final Body body;
    private final BearerAuth auth;
    private final ErrorMapper errors;
    private final Json json;

    Endpoint(ApiHandler handler, Access access, Body body, BearerAuth auth, ErrorMapper errors, Json json) {
        this.handler = requireNonNull(handler, "handler");
        this.access = requireNonNull(access, "access");
        this.body = requireNonNull(body, "body");
        this.auth = requireNonNull(auth, "auth");
        this.errors = requireNonNull(errors, "errors");
        this.json = requireNonNull(json, "json");
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        CompletableFuture<HttpResponse> response;
        if (body == Body.STREAMING) {
            response = CompletableFuture.supplyAsync(() -> run(ctx, req, null), ctx.blockingTaskExecutor());
        } else {
            response = req.aggregate().thenApplyAsync(aggregated -> run(ctx, req, aggregated.content().array()),
                    ctx.blockingTaskExecutor());
        }
        return HttpResponse.of(response.exceptionally(failure -> errors.toResponse(req.headers(), failure).toHttpResponse()));
    }

    private HttpResponse run(ServiceRequestContext ctx, HttpRequest req, @Nullable byte[] content) {
        try {
            String token = BearerAuth.token(req.headers());
            AuthContext caller = access == Access.USER ? auth.authenticate(token) : null;
            return handler.handle(new ApiRequest(ctx, req, content, caller, token, json));
        } catch (Exception e) {
            if (body == Body.STREAMING) {
                req.abort();
            }
            return errors.toResponse(req.headers(), e).toHttpResponse();
        }
    }
}
