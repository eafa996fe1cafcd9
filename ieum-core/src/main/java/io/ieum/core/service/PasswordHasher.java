package io.ieum.core.service;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (password4j). The cost is OWASP's second recommended setting
 * (19 MiB, 2 iterations, 1 lane); the PHC string stores it, so raising it later keeps old hashes valid.
 */
public final class PasswordHasher {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    private final Argon2Function argon2;

    public PasswordHasher() {
        this(19 * 1024, 2);
    }

    /** A cheaper hasher for tests; never use it for real accounts. */
    public static PasswordHasher forTests() {
        return new PasswordHasher(1024, 1);
    }

    private PasswordHasher(int memoryKiB, int iterations) {
        this.argon2 = Argon2Function.getInstance(memoryKiB, iterations, 1, 32, Argon2.ID);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean matches(String password, String phcHash) {
        try {
            return Password.check(password, phcHash).with(Argon2Function.getInstanceFromHash(phcHash));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }
}
