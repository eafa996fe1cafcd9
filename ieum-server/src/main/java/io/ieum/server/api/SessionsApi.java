package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.SessionId;
import io.ieum.core.service.AuthContext;
import io.ieum.core.service.LoginResult;
import io.ieum.core.service.RetryLaterException;
import io.ieum.core.service.Services;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.BearerAuth;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;
import io.ieum.server.json.Views.SessionView;
import io.ieum.server.json.Views.UserView;
import io.ieum.server.ops.Metrics;

/** Logging in per device, logging out, and listing or revoking my devices. */
public final class SessionsApi {

    record LogIn(String username, String password, String deviceName) {}

    record LoggedIn(String token, SessionView session, UserView user) {}

    private final Services services;
    private final BearerAuth auth;
    private final Responses responses;
    private final Metrics metrics;

    public SessionsApi(Services services, BearerAuth auth, Responses responses, Metrics metrics) {
        this.services = requireNonNull(services, "services");
        this.auth = requireNonNull(auth, "auth");
        this.responses = requireNonNull(responses, "responses");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    public void register(Router router) {
        router.open(HttpMethod.POST, "/api/sessions", this::logIn);
        router.user(HttpMethod.GET, "/api/sessions", this::list);
        router.user(HttpMethod.DELETE, "/api/sessions/{id}", this::end);
    }

    private HttpResponse logIn(ApiRequest req) {
        LogIn body = req.body(LogIn.class);
        LoginResult result;
        try {
            result = services.accounts().logIn(body.username(), body.password(), body.deviceName(), req.clientAddress());
        } catch (RetryLaterException throttled) {
            metrics.loginThrottled();
            throw throttled;
        } catch (IeumException e) {
            if (e.code() == ErrorCode.UNAUTHENTICATED) {
                metrics.loginFailed();
            }
            throw e;
        }
        return responses.created(new LoggedIn(result.token(), SessionView.of(result.session(), true),
                UserView.of(result.account())));
    }

    private HttpResponse list(ApiRequest req) {
        AuthContext caller = req.caller();
        List<SessionView> sessions = services.accounts().sessions(caller).stream()
                .map(s -> SessionView.of(s, s.id().equals(caller.sessionId())))
                .toList();
        return responses.ok(Map.of("sessions", sessions));
    }

    /** {@code current} logs this device out; an ID revokes one of my other devices. */
    private HttpResponse end(ApiRequest req) {
        AuthContext caller = req.caller();
        String id = req.path("id");
        if (id.equals("current")) {
            services.accounts().logOut(caller);
            auth.forgetToken(req.token());
        } else {
            SessionId sessionId = SessionId.parse("sessionId", id);
            services.accounts().revoke(caller, sessionId);
            auth.forgetSession(sessionId);
        }
        return Responses.noContent();
    }
}
