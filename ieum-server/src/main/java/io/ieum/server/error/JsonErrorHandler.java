package io.ieum.server.error;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;

/** Makes Armeria's own failures (404, 405, 413, uncaught exceptions) answer with the JSON error body, never HTML. */
public final class JsonErrorHandler implements ServerErrorHandler {

    private final ErrorMapper errors;

    public JsonErrorHandler(ErrorMapper errors) {
        this.errors = requireNonNull(errors, "errors");
    }

    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
        return errors.toResponse(ctx.request().headers(), cause).toHttpResponse();
    }

    @Override
    public AggregatedHttpResponse renderStatus(@Nullable ServiceRequestContext ctx, @Nullable ServiceConfig config,
                                               @Nullable RequestHeaders headers, HttpStatus status,
                                               @Nullable String description, @Nullable Throwable cause) {
        RequestHeaders request = headers != null ? headers : ctx != null ? ctx.request().headers() : null;
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE && config != null) {
            // Rejected before the service ran (e.g. by Content-Length): name the route's limit.
            long max = config.maxRequestLength();
            return errors.error(io.ieum.core.error.ErrorCode.TOO_LARGE, "body: more than " + max
                    + " bytes (expected: at most " + max + ")", ErrorMapper.locale(request), null);
        }
        return errors.forStatus(request, status, cause);
    }
}
