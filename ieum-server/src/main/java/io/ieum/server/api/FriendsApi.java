package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;

import io.ieum.core.model.Contact;
import io.ieum.core.model.Relation;
import io.ieum.core.service.Services;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;
import io.ieum.server.json.Views.UserView;

/** My friend list and block list. */
public final class FriendsApi {

    private final Services services;
    private final Responses responses;

    public FriendsApi(Services services, Responses responses) {
        this.services = requireNonNull(services, "services");
        this.responses = requireNonNull(responses, "responses");
    }

    public void register(Router router) {
        router.user(HttpMethod.GET, "/api/friends", this::list);
        router.user(HttpMethod.PUT, "/api/friends/{username}",
                req -> responses.ok(UserView.of(services.contacts().addFriend(req.caller(), req.path("username")))));
        router.user(HttpMethod.DELETE, "/api/friends/{username}", this::remove);
        router.user(HttpMethod.PUT, "/api/blocks/{username}",
                req -> responses.ok(UserView.of(services.contacts().block(req.caller(), req.path("username")))));
        router.user(HttpMethod.DELETE, "/api/blocks/{username}", this::remove);
    }

    private HttpResponse list(ApiRequest req) {
        List<UserView> friends = new ArrayList<>();
        List<UserView> blocked = new ArrayList<>();
        for (Contact contact : services.contacts().list(req.caller())) {
            UserView user = UserView.of(services.accounts().account(contact.other()));
            (contact.relation() == Relation.BLOCKED ? blocked : friends).add(user);
        }
        return responses.ok(Map.of("friends", friends, "blocked", blocked));
    }

    private HttpResponse remove(ApiRequest req) {
        services.contacts().remove(req.caller(), req.path("username"));
        return Responses.noContent();
    }
}
