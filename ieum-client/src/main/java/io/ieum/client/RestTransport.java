package io.ieum.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends {@link RestCall}s: on a refused connection or a {@code 503 busy} it waits (backoff, or the
 * server's {@code Retry-After}) and sends the same request to the next site.
 */
final class RestTransport {

    private final HttpClient http;
    private final SiteList sites;
    private final ClientOptions options;

    RestTransport(HttpClient http, SiteList sites, ClientOptions options) {
        this.http = http;
        this.sites = sites;
        this.options = options;
    }

    /** Returns the successful response; its body must be read or closed by the caller. */
    HttpResponse<InputStream> exchange(RestCall call, Supplier<String> token) {
        return exchange(call, token, false);
    }

    /**
     * Like {@link #exchange(RestCall, Supplier)}; with {@code anyStatus} every answer is returned
     * as it is (for {@code /health}, whose 503 carries the report).
     */
    HttpResponse<InputStream> exchange(RestCall call, Supplier<String> token, boolean anyStatus) {
        IeumClientException last = null;
        int maxAttempts = call.replayable() ? options.retryPolicy().maxAttempts() : 1;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                pause(attempt - 1, last);
            }
            URI site = sites.current();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request(site, call, token.get()), BodyHandlers.ofInputStream());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                last = unreachable(site, e);
                sites.failedOver(site);
                continue;
            } catch (IOException e) {
                last = unreachable(site, e);
                if (!call.idempotent()) {
                    throw last;
                }
                sites.failedOver(site);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IeumClientException(0, "interrupted", "interrupted while calling " + site, e);
            }
            if (response.statusCode() < 400 || anyStatus) {
                return response;
            }
            IeumClientException error = errorOf(response);
            if (response.statusCode() != 503) {
                throw error;
            }
            last = error;
            sites.failedOver(site);
        }
        throw last;
    }

    private HttpRequest request(URI site, RestCall call, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(site.resolve(call.path()))
                .timeout(options.requestTimeout())
                .header("Accept-Language", options.locale().toLanguageTag())
                .method(call.method(), call.body().get());
        if (call.contentType() != null) {
            b.header("Content-Type", call.contentType());
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private void pause(int retry, IeumClientException last) {
        Duration delay = options.retryPolicy().delayBefore(retry, ThreadLocalRandom.current()::nextDouble);
        if (last instanceof BusyException busy && busy.retryAfter().compareTo(delay) > 0) {
            delay = busy.retryAfter();
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw last;
        }
    }

    private static IeumClientException unreachable(URI site, IOException e) {
        return new IeumClientException(0, IeumClientException.UNREACHABLE,
                site + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }

    /** Reads the {@code {"error","message"}} body of a failed response. */
    static IeumClientException errorOf(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        String code = "http_" + status;
        String message = "HTTP " + status;
        try (InputStream in = response.body()) {
            byte[] bytes = in.readAllBytes();
            JsonNode node = Json.mapper().readTree(bytes);
            if (node != null && node.hasNonNull("error")) {
                code = node.get("error").asText();
                message = node.path("message").asText(message);
            }
        } catch (IOException | RuntimeException e) {
            // not our JSON error body (a proxy, or the body was cut): keep the status-based code
        }
        if (status == 503) {
            Optional<String> retryAfter = response.headers().firstValue("Retry-After");
            return new BusyException(code, message, retryAfter.map(RestTransport::seconds).orElse(Duration.ZERO));
        }
        return new IeumClientException(status, code, message);
    }

    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Math.min(60, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /** A 503 that says when to come back. */
    static final class BusyException extends IeumClientException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        BusyException(String error, String message, Duration retryAfter) {
            super(503, error, message);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
