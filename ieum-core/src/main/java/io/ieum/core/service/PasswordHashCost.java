package io.ieum.core.service;

import java.util.List;

/**
 * The Argon2id cost of new password hashes. Old hashes keep their own cost (it is in the PHC string),
 * so changing this never locks anyone out; it only decides what new sign-ups and password changes pay.
 *
 * @param memoryKiB   memory per hash in KiB (Argon2 needs at least 8 per lane)
 * @param iterations  passes over that memory
 * @param parallelism lanes
 */
public record PasswordHashCost(int memoryKiB, int iterations, int parallelism) {

    /** OWASP's second recommended setting: 19 MiB, 2 iterations, 1 lane. */
    public static final PasswordHashCost OWASP = new PasswordHashCost(19 * 1024, 2, 1);

    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 100;
    public static final int MAX_PARALLELISM = 64;

    /**
     * OWASP's equally strong Argon2id settings (memory KiB, iterations) at one lane; a cost at or above
     * any one of them is not weaker than OWASP's recommendation.
     */
    private static final List<int[]> OWASP_EQUIVALENTS = List.of(
            new int[] {47_104, 1}, new int[] {19_456, 2}, new int[] {12_288, 3}, new int[] {9_216, 4},
            new int[] {7_168, 5});

    public PasswordHashCost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism: " + parallelism + " (expected: 1.." + MAX_PARALLELISM + ")");
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memory: " + memoryKiB + " KiB (expected: " + 8 * parallelism + ".."
                    + MAX_MEMORY_KIB + " KiB, at least 8 KiB per lane)");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations: " + iterations + " (expected: 1.." + MAX_ITERATIONS + ")");
        }
    }

    /** Whether this cost is at least one of OWASP's recommended Argon2id settings. */
    public boolean meetsOwaspMinimum() {
        return OWASP_EQUIVALENTS.stream().anyMatch(m -> memoryKiB >= m[0] && iterations >= m[1]);
    }

    @Override
    public String toString() {
        return "memory " + memoryKiB + " KiB, iterations " + iterations + ", parallelism " + parallelism;
    }
}
