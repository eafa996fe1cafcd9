package io.ieum.server.http;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;

import io.ieum.server.json.Json;

/** Builds JSON answers with the server's one mapper. */
public final class Responses {

    private final Json json;

    public Responses(Json json) {
        this.json = requireNonNull(json, "json");
    }

    public HttpResponse ok(Object body) {
        return of(HttpStatus.OK, body);
    }

    public HttpResponse created(Object body) {
        return of(HttpStatus.CREATED, body);
    }

    public HttpResponse of(HttpStatus status, Object body) {
        return HttpResponse.of(status, MediaType.JSON_UTF_8, json.write(body));
    }

    public static HttpResponse noContent() {
        return HttpResponse.of(HttpStatus.NO_CONTENT);
    }
}
