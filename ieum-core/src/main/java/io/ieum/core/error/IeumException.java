package io.ieum.core.error;

import static java.util.Objects.requireNonNull;

/**
 * A failure the caller caused or must be told about. {@link #detail()} names the offending value
 * and what was expected (e.g. {@code "limit: 0 (expected: 1..500)"}); it is shown to the caller
 * after the localized text of the {@link #code()}.
 */
public class IeumException extends RuntimeException {

    private final ErrorCode code;
    private final String detail;

    public IeumException(ErrorCode code, String detail) {
        super(code.wireName() + ": " + detail, null, false, false);
        this.code = requireNonNull(code, "code");
        this.detail = requireNonNull(detail, "detail");
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public static IeumException invalid(String detail) {
        return new IeumException(ErrorCode.INVALID_FIELD, detail);
    }

    public static IeumException notFound(String detail) {
        return new IeumException(ErrorCode.NOT_FOUND, detail);
    }

    public static IeumException forbidden(String detail) {
        return new IeumException(ErrorCode.FORBIDDEN, detail);
    }
}
