package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Profile;
import io.ieum.core.model.Session;
import io.ieum.core.model.Username;
import io.ieum.core.store.AccountStore;
import io.ieum.core.store.SessionStore;

/** Sign-up, login per device, logout, sessions and profiles. */
public final class AccountService {

    public static final int MAX_DEVICE_NAME = 64;

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Limits limits;
    private final Clock clock;
    private final PublicPictures pictures;

    public AccountService(AccountStore accounts, SessionStore sessions, PasswordHasher hasher,
                          LoginThrottle throttle, Limits limits, Clock clock, PublicPictures pictures) {
        this.accounts = requireNonNull(accounts, "accounts");
        this.sessions = requireNonNull(sessions, "sessions");
        this.hasher = requireNonNull(hasher, "hasher");
        this.throttle = requireNonNull(throttle, "throttle");
        this.limits = requireNonNull(limits, "limits");
        this.clock = requireNonNull(clock, "clock");
        this.pictures = requireNonNull(pictures, "pictures");
    }

    public Account signUp(String username, String password, String displayName) {
        Username name = Username.of(requireField(username, "username"));
        checkPassword(requireField(password, "password"));
        Profile profile = Profile.named(requireField(displayName, "displayName").strip());
        Account account = new Account(UserId.random(), name, hasher.hash(password), profile, clock.instant());
        if (!accounts.create(account)) {
            throw new IeumException(ErrorCode.USERNAME_TAKEN, "username: '" + name + "' (expected: a name nobody uses yet)");
        }
        return account;
    }

    /**
     * Checks the password and opens a session for one device.
     *
     * @param address the caller's network address, for slowing down guessing per address
     */
    public LoginResult logIn(String username, String password, String deviceName, String address) {
        String rawName = requireField(username, "username");
        requireField(password, "password");
        String device = deviceName == null || deviceName.isBlank() ? "unnamed device" : deviceName.strip();
        if (device.length() > MAX_DEVICE_NAME) {
            throw IeumException.invalid("deviceName: " + device.length() + " characters (expected: 1.." + MAX_DEVICE_NAME + ")");
        }
        String accountKey = rawName.strip().toLowerCase(java.util.Locale.ROOT);
        Duration wait = throttle.waitBeforeAttempt(accountKey, address);
        if (!wait.isZero()) {
            throw new RetryLaterException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "login: too many failed attempts (expected: wait " + Math.max(1, wait.toSeconds()) + " s)", wait);
        }
        Optional<Account> found = lookUpForLogin(rawName);
        if (found.isEmpty() || !hasher.matches(password, found.get().passwordHash())) {
            throttle.recordFailure(accountKey, address);
            throw new IeumException(ErrorCode.UNAUTHENTICATED, "username or password: no match (expected: the credentials of an account)");
        }
        throttle.recordSuccess(accountKey);
        Account account = found.get();
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Session session = new Session(SessionId.random(), account.id(), Tokens.hash(token), device, now,
                now.plus(limits.sessionTtl()));
        sessions.create(session);
        return new LoginResult(token, session, account);
    }

    /** Resolves a bearer token to its session, or fails with {@code unauthenticated}. */
    public AuthContext authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new IeumException(ErrorCode.UNAUTHENTICATED, "token: missing or malformed (expected: 'Authorization: Bearer <token>')");
        }
        Session session = sessions.byTokenHash(Tokens.hash(token))
                .orElseThrow(() -> new IeumException(ErrorCode.UNAUTHENTICATED, "token: unknown or revoked (expected: a token from a login)"));
        if (session.isExpiredAt(clock.instant())) {
            throw new IeumException(ErrorCode.UNAUTHENTICATED, "token: expired at " + session.expiresAt() + " (expected: log in again)");
        }
        return new AuthContext(session.userId(), session.id());
    }

    public void logOut(AuthContext caller) {
        sessions.delete(caller.userId(), caller.sessionId());
    }

    public List<Session> sessions(AuthContext caller) {
        Instant now = clock.instant();
        return sessions.byUser(caller.userId()).stream().filter(s -> !s.isExpiredAt(now)).toList();
    }

    /** Ends one of the caller's own sessions; someone else's session is reported as not found. */
    public void revoke(AuthContext caller, SessionId sessionId) {
        if (!sessions.delete(caller.userId(), sessionId)) {
            throw IeumException.notFound("sessionId: " + sessionId + " (expected: one of your sessions)");
        }
    }

    public Account me(AuthContext caller) {
        return account(caller.userId());
    }

    public Account account(UserId id) {
        return accounts.byId(id).orElseThrow(() -> IeumException.notFound("userId: " + id + " (expected: an existing user)"));
    }

    public Account byUsername(String username) {
        Username name = Username.of(requireField(username, "username"));
        return accounts.byUsername(name)
                .orElseThrow(() -> IeumException.notFound("username: '" + name + "' (expected: an existing user)"));
    }

    /** Changes any of display name, status message and avatar; a null argument keeps the current value. */
    /**
     * Changes the fields given (null = keep); {@code avatar} null keeps it, empty removes it, and a
     * new one must be a file the caller uploaded ({@link PublicPictures}).
     */
    public Account updateProfile(AuthContext caller, String displayName, String statusMessage, Optional<String> avatar) {
        Account current = me(caller);
        Profile old = current.profile();
        if (avatar != null && avatar.isPresent()) {
            pictures.requireOwnUpload("avatar", avatar.get(), old.avatar(), caller.userId());
        }
        Profile updated = new Profile(
                displayName == null ? old.displayName() : displayName.strip(),
                statusMessage == null ? old.statusMessage() : statusMessage.strip(),
                avatar == null ? old.avatar() : avatar.orElse(null));
        accounts.updateProfile(current.id(), updated);
        return current.withProfile(updated);
    }

    private Optional<Account> lookUpForLogin(String rawName) {
        try {
            return accounts.byUsername(Username.of(rawName));
        } catch (IeumException invalidName) {
            return Optional.empty();
        }
    }

    private static void checkPassword(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < PasswordHasher.MIN_LENGTH || length > PasswordHasher.MAX_LENGTH) {
            throw IeumException.invalid("password: " + length + " characters (expected: "
                    + PasswordHasher.MIN_LENGTH + ".." + PasswordHasher.MAX_LENGTH + ")");
        }
    }

    static String requireField(String value, String field) {
        if (value == null) {
            throw IeumException.invalid(field + ": missing (expected: a string)");
        }
        return value;
    }
}
