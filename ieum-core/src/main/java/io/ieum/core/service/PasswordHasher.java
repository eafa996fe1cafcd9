package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (password4j) at a configured {@link PasswordHashCost}, OWASP's by default.
 * The PHC string stores the cost of each hash, so a hash verifies whatever the cost is now.
 */
public final class PasswordHasher {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    /** The cheap cost of {@link #forTests()}; never use it for real accounts. */
    public static final PasswordHashCost TEST_COST = new PasswordHashCost(64, 1, 1);

    private final PasswordHashCost cost;
    private final Argon2Function argon2;

    public PasswordHasher() {
        this(PasswordHashCost.OWASP);
    }

    public PasswordHasher(PasswordHashCost cost) {
        this.cost = requireNonNull(cost, "cost");
        this.argon2 = Argon2Function.getInstance(cost.memoryKiB(), cost.iterations(), cost.parallelism(), 32, Argon2.ID);
    }

    /** A cheaper hasher for tests; never use it for real accounts. */
    public static PasswordHasher forTests() {
        return new PasswordHasher(TEST_COST);
    }

    public PasswordHashCost cost() {
        return cost;
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
