package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;

import io.ieum.core.model.Account;
import io.ieum.core.service.AuthContext;
import io.ieum.core.service.Services;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;
import io.ieum.server.json.Json;
import io.ieum.server.json.Views.UserView;

/** Sign-up, my profile, and looking people up by username. */
public final class AccountsApi {

    record SignUp(String username, String password, String displayName) {}

    record ProfilePatch(String displayName, String statusMessage, String avatar) {}

    private final Services services;
    private final Responses responses;
    private final Json json;

    public AccountsApi(Services services, Responses responses, Json json) {
        this.services = requireNonNull(services, "services");
        this.responses = requireNonNull(responses, "responses");
        this.json = requireNonNull(json, "json");
    }

    public void register(Router router) {
        router.open(HttpMethod.POST, "/api/accounts", this::signUp);
        router.user(HttpMethod.GET, "/api/me", req -> responses.ok(UserView.of(services.accounts().me(req.caller()))));
        router.user(HttpMethod.PATCH, "/api/me", this::updateProfile);
        router.user(HttpMethod.GET, "/api/users/{username}",
                req -> responses.ok(UserView.of(services.accounts().byUsername(req.path("username")))));
    }

    private HttpResponse signUp(ApiRequest req) {
        SignUp body = req.body(SignUp.class);
        Account account = services.accounts().signUp(body.username(), body.password(), body.displayName());
        return responses.created(UserView.of(account));
    }

    private HttpResponse updateProfile(ApiRequest req) {
        ProfilePatch patch = req.body(ProfilePatch.class);
        AuthContext caller = req.caller();
        // An explicit "avatar": null removes the avatar; an absent field keeps it.
        JsonNode tree = readTree(req.rawJson());
        Optional<String> avatar = tree.has("avatar") ? Optional.ofNullable(patch.avatar()) : null;
        Account updated = services.accounts().updateProfile(caller, patch.displayName(), patch.statusMessage(), avatar);
        return responses.ok(UserView.of(updated));
    }

    private JsonNode readTree(byte[] body) {
        try {
            return json.mapper().readTree(body);
        } catch (java.io.IOException alreadyParsed) {
            throw new IllegalStateException("body was parsed once already", alreadyParsed);
        }
    }
}
