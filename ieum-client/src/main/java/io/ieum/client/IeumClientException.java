package io.ieum.client;

/**
 * A call failed. {@code status} is the HTTP status (0 when no server answered), {@code error} the
 * stable code of docs/protocol.md ({@code unreachable} when no server answered), and the message is
 * the server's localized text.
 */
public class IeumClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The code used when no site answered at all. */
    public static final String UNREACHABLE = "unreachable";

    private final int status;
    private final String error;

    public IeumClientException(int status, String error, String message) {
        this(status, error, message, null);
    }

    public IeumClientException(int status, String error, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    @Override
    public String toString() {
        return "IeumClientException{status=" + status + ", error=" + error + ", message=" + getMessage() + "}";
    }
}
