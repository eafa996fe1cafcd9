package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.armeria.common.ContentDisposition;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.stream.StreamMessage;

import io.ieum.core.service.AuthContext;
import io.ieum.server.export.ExportWriter;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Router;

/** My data as a zip, streamed while it is written. */
public final class ExportApi {

    private static final Logger log = LoggerFactory.getLogger(ExportApi.class);

    private final ExportWriter writer;

    public ExportApi(ExportWriter writer) {
        this.writer = requireNonNull(writer, "writer");
    }

    public void register(Router router) {
        router.download("/api/me/export", this::export);
    }

    private HttpResponse export(ApiRequest req) {
        AuthContext caller = req.caller();
        var body = StreamMessage.fromOutputStream(out -> {
            try (out) {
                writer.write(caller, out);
            } catch (IOException | RuntimeException e) {
                // The status is already sent; a truncated zip (no central directory) is all the client can be told.
                log.warn("Export for {} failed", caller.userId(), e);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }, req.ctx().blockingTaskExecutor());
        var headers = ResponseHeaders.builder(HttpStatus.OK)
                .contentType(MediaType.ZIP)
                .set(HttpHeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .contentDisposition(ContentDisposition.builder("attachment").filename("ieum-export.zip").build())
                .build();
        return HttpResponse.of(headers, body);
    }
}
