package io.ieum.server.support;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One HTTP answer as the tests see it. */
public record Reply(int status, HttpHeaders headers, byte[] bytes) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String text() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON (status " + status + "): " + text(), e);
        }
    }

    public String field(String name) {
        return json().path(name).asText(null);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}
