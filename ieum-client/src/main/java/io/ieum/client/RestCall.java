package io.ieum.client;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.function.Supplier;

/**
 * One REST request, described so it can be sent again to another site.
 *
 * @param body        makes a fresh body for each attempt
 * @param contentType null when there is no body
 * @param idempotent  true when repeating it after a lost answer cannot do harm (GET, PUT, DELETE,
 *                    and sends, which carry their message ID); a request that never reached a
 *                    server is retried either way
 * @param replayable  false when the body can be read only once (an InputStream upload)
 */
record RestCall(String method, String path, Supplier<BodyPublisher> body, String contentType, boolean idempotent,
                boolean replayable) {

    RestCall {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(body, "body");
    }

    static RestCall get(String path) {
        return new RestCall("GET", path, BodyPublishers::noBody, null, true, true);
    }

    static RestCall delete(String path) {
        return new RestCall("DELETE", path, BodyPublishers::noBody, null, true, true);
    }

    static RestCall json(String method, String path, Object body, boolean idempotent) {
        String text = Json.write(body);
        return new RestCall(method, path, () -> BodyPublishers.ofString(text), "application/json", idempotent, true);
    }
}
