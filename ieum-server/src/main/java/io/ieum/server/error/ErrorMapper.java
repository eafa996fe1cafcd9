package io.ieum.server.error;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ClosedSessionException;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.common.stream.ClosedStreamException;
import com.linecorp.armeria.server.HttpResponseException;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.RequestTimeoutException;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.service.RetryLaterException;
import io.ieum.core.store.BlobTooLargeException;
import io.ieum.server.json.Json;

/**
 * The one place where failures become HTTP answers: a status, a {@code {error, message}} body in
 * the caller's language, and {@code Retry-After} where retrying helps. Unexpected failures are
 * logged with their stack trace and answered with a generic text and a reference to the log line.
 */
public final class ErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);
    private static final Locale KOREAN = Locale.KOREAN;

    private final ErrorMessages messages;
    private final Json json;

    public ErrorMapper(ErrorMessages messages, Json json) {
        this.messages = requireNonNull(messages, "messages");
        this.json = requireNonNull(json, "json");
    }

    /** Korean if the caller's preferred language is Korean, English otherwise. */
    public static Locale locale(@Nullable RequestHeaders headers) {
        String header = headers == null ? null : headers.get(HttpHeaderNames.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            Locale best = Locale.lookup(ranges, List.of(Locale.ENGLISH, KOREAN));
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    public AggregatedHttpResponse toResponse(@Nullable RequestHeaders headers, Throwable failure) {
        Throwable cause = unwrap(failure);
        Locale locale = locale(headers);
        if (cause instanceof RetryLaterException retry) {
            return error(retry.code(), retry.detail(), locale, retry.retryAfter());
        }
        if (cause instanceof IeumException domain) {
            Duration retryAfter = domain.code() == ErrorCode.BUSY ? Duration.ofSeconds(1) : null;
            return error(domain.code(), domain.detail(), locale, retryAfter);
        }
        if (cause instanceof BlobTooLargeException tooLarge) {
            return error(ErrorCode.TOO_LARGE, "content: more than " + tooLarge.limit() + " bytes (expected: at most "
                    + tooLarge.limit() + ")", locale, null);
        }
        if (findCause(cause, ContentTooLargeException.class) != null) {
            ContentTooLargeException tooLarge = findCause(cause, ContentTooLargeException.class);
            return error(ErrorCode.TOO_LARGE, "body: more than " + tooLarge.maxContentLength()
                    + " bytes (expected: at most " + tooLarge.maxContentLength() + ")", locale, null);
        }
        if (cause instanceof RequestTimeoutException) {
            // The server was too slow (overload, a storage replica that did not answer), not the
            // request wrong: the client may retry, with the same IDs for writes.
            return error(ErrorCode.BUSY, "request: not answered in time (expected: retry shortly with the same IDs)",
                    locale, Duration.ofSeconds(1));
        }
        if (cause instanceof ClosedSessionException || cause instanceof ClosedStreamException) {
            // The other side went away (a peer node or client closing its socket, e.g. at shutdown):
            // nobody will read this answer, and it is no failure of this server worth an error log.
            log.debug("Connection closed before the response of {} {}", headers == null ? "?" : headers.method(),
                    headers == null ? "?" : headers.path());
            return error(ErrorCode.BAD_REQUEST, "connection: closed before the response (expected: an open connection)",
                    locale, null);
        }
        if (cause instanceof HttpStatusException status) {
            return forStatus(headers, status.httpStatus(), null);
        }
        if (cause instanceof HttpResponseException) {
            return forStatus(headers, HttpStatus.INTERNAL_SERVER_ERROR, cause);
        }
        return internal(headers, cause);
    }

    /** For failures Armeria detects before a service runs: unknown route, wrong method, body too large… */
    public AggregatedHttpResponse forStatus(@Nullable RequestHeaders headers, HttpStatus status, @Nullable Throwable cause) {
        Locale locale = locale(headers);
        String path = headers == null ? "?" : headers.path();
        String method = headers == null ? "?" : headers.method().name();
        return switch (status.code()) {
            case 400 -> error(ErrorCode.BAD_REQUEST, "request: " + method + " " + abbreviate(path) + " (expected: a well-formed HTTP request)", locale, null);
            case 404 -> error(ErrorCode.NOT_FOUND, "path: " + abbreviate(path) + " (expected: a route of the Ieum API)", locale, null);
            case 405 -> body(status, messages.body(ErrorCode.BAD_REQUEST, "method: " + method + " " + abbreviate(path)
                    + " (expected: a method this route supports)", locale), null);
            case 413 -> error(ErrorCode.TOO_LARGE, "body: too large (expected: within the size limit of " + abbreviate(path) + ")", locale, null);
            case 415 -> error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type (expected: application/json)", locale, null);
            case 503 -> error(ErrorCode.BUSY, "server: unavailable (expected: retry shortly)", locale, Duration.ofSeconds(1));
            default -> status.code() >= 500 ? internal(headers, cause)
                    : body(status, messages.body(ErrorCode.BAD_REQUEST, "request: " + status + " (expected: a valid request)", locale), null);
        };
    }

    public AggregatedHttpResponse error(ErrorCode code, String detail, Locale locale, @Nullable Duration retryAfter) {
        return body(HttpStatus.valueOf(code.httpStatus()), messages.body(code, detail, locale), retryAfter);
    }

    private AggregatedHttpResponse internal(@Nullable RequestHeaders headers, @Nullable Throwable cause) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected failure (reference {}) of {} {}", reference,
                headers == null ? "?" : headers.method(), headers == null ? "?" : headers.path(), cause);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, messages.internal(reference, locale(headers)), null);
    }

    private AggregatedHttpResponse body(HttpStatus status, ErrorBody body, @Nullable Duration retryAfter) {
        var headers = ResponseHeaders.builder(status).contentType(MediaType.JSON_UTF_8);
        if (retryAfter != null) {
            headers.set(HttpHeaderNames.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        return AggregatedHttpResponse.of(headers.build(), com.linecorp.armeria.common.HttpData.wrap(json.write(body)));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}
