package io.ieum.server.config;

import io.ieum.core.service.PasswordHashCost;

/**
 * Reads the {@code passwordHashing} section into the core's {@link PasswordHashCost}, which refuses
 * nonsense; a cost below OWASP's minimum is allowed (tests, development) and warned about at start.
 */
final class PasswordHashingConfig {

    private static final long KIB = 1024;

    private PasswordHashingConfig() {}

    static PasswordHashCost from(ConfigSection s) {
        PasswordHashCost d = PasswordHashCost.OWASP;
        long memory = s.bytes("memory", d.memoryKiB() * KIB, 8 * KIB, PasswordHashCost.MAX_MEMORY_KIB * KIB);
        if (memory % KIB != 0) {
            throw s.invalid("memory", memory, "a whole number of KiB, like 19MiB or 19456KiB");
        }
        int iterations = s.integer("iterations", d.iterations(), 1, PasswordHashCost.MAX_ITERATIONS);
        int parallelism = s.integer("parallelism", d.parallelism(), 1, PasswordHashCost.MAX_PARALLELISM);
        try {
            return new PasswordHashCost((int) (memory / KIB), iterations, parallelism);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("passwordHashing." + e.getMessage(), e);
        }
    }
}
