package io.ieum.cli;

/** What {@code ieum} returns to the shell. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The server answered with an error, is unreachable, or reported DOWN. */
    public static final int FAILED = 1;
    /** The command line itself was wrong (picocli's usage error code). */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
