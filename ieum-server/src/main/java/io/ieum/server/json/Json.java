package io.ieum.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;

/** The one JSON mapper of the server: strict on input (unknown fields and wrong types are errors). */
public final class Json {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public String writeString(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses a request body, turning every parse or type failure into {@code malformed_json} naming the field. */
    public <T> T read(byte[] body, Class<T> type) {
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new IeumException(ErrorCode.MALFORMED_JSON, "body: null (expected: a JSON object)");
            }
            return value;
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new IeumException(ErrorCode.MALFORMED_JSON, "field '" + e.getPropertyName() + "': unknown (expected one of: "
                    + e.getKnownPropertyIds() + ")");
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new IeumException(ErrorCode.MALFORMED_JSON, describePath(e) + ": wrong type (expected: "
                    + simpleName(e.getTargetType()) + ")");
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IeumException domain) {
                throw domain;
            }
            throw new IeumException(ErrorCode.MALFORMED_JSON, describePath(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new IeumException(ErrorCode.MALFORMED_JSON, "body: not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    public JsonNode readTree(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IeumException(ErrorCode.MALFORMED_JSON, "frame: not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
    }

    /** As {@link #readTree(String)}, straight from UTF-8 bytes (no intermediate string). */
    public JsonNode readTree(java.io.InputStream utf8) {
        try {
            return mapper.readTree(utf8);
        } catch (JsonProcessingException e) {
            throw new IeumException(ErrorCode.MALFORMED_JSON, "frame: not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (java.io.IOException e) {
            throw new IeumException(ErrorCode.MALFORMED_JSON, "frame: not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new IeumException(ErrorCode.MALFORMED_JSON, "field '" + e.getPropertyName() + "': unknown (expected one of: "
                    + e.getKnownPropertyIds() + ")");
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new IeumException(ErrorCode.MALFORMED_JSON, describePath(e) + ": wrong type (expected: "
                    + simpleName(e.getTargetType()) + ")");
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IeumException domain) {
                throw domain;
            }
            throw new IeumException(ErrorCode.MALFORMED_JSON, "frame: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String describePath(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : "field '" + path + "'";
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
