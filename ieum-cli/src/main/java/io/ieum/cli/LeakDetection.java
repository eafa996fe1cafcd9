package io.ieum.cli;

import java.util.Optional;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's buffer leak detector in a serving process. At its default level it records a stack
 * trace for a sample of buffers, which cost the server 2–3 % of its CPU under load (ADR 0025);
 * {@code ieum serve} therefore turns it off unless {@code -Dio.netty.leakDetection.level} asks for
 * a level. The test suite's in-process servers keep Netty's default, so a leak still shows there.
 */
final class LeakDetection {

    static final String PROPERTY = "io.netty.leakDetection.level";

    private LeakDetection() {}

    /** Applies {@link #forServe} to this JVM. */
    static void applyForServe() {
        forServe(System.getProperty(PROPERTY)).ifPresent(ResourceLeakDetector::setLevel);
    }

    /** The level {@code serve} sets, given the property's value (null when not given): none if one was asked for. */
    static Optional<ResourceLeakDetector.Level> forServe(String asked) {
        return asked == null ? Optional.of(ResourceLeakDetector.Level.DISABLED) : Optional.empty();
    }
}
