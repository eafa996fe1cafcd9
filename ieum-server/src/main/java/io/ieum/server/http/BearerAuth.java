package io.ieum.server.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.annotation.Nullable;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.SessionId;
import io.ieum.core.service.AccountService;
import io.ieum.core.service.AuthContext;

/**
 * Resolves {@code Authorization: Bearer <token>} to the caller. Caches each token briefly so a busy
 * device does not hit storage on every call; logging out or revoking through this node drops the
 * entry at once, and a revocation on another node is seen within {@link #TTL}.
 */
public final class BearerAuth {

    static final Duration TTL = Duration.ofSeconds(10);
    private static final String PREFIX = "bearer ";

    private final AccountService accounts;
    private final Cache<String, AuthContext> cache = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(100_000)
            .build();

    public BearerAuth(AccountService accounts) {
        this.accounts = requireNonNull(accounts, "accounts");
    }

    /** The token of the request, or null if there is no bearer token. */
    @Nullable
    public static String token(RequestHeaders headers) {
        String header = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return header.substring(PREFIX.length()).strip();
    }

    /** Blocking on a cache miss: call it off the event loop. */
    public AuthContext authenticate(@Nullable String token) {
        if (token == null) {
            throw new IeumException(ErrorCode.UNAUTHENTICATED, "Authorization: missing (expected: 'Bearer <token>')");
        }
        AuthContext cached = cache.getIfPresent(token);
        if (cached != null) {
            return cached;
        }
        AuthContext resolved = accounts.authenticate(token);
        cache.put(token, resolved);
        return resolved;
    }

    public void forgetToken(String token) {
        cache.invalidate(token);
    }

    public void forgetSession(SessionId sessionId) {
        cache.asMap().values().removeIf(auth -> auth.sessionId().equals(sessionId));
    }
}
