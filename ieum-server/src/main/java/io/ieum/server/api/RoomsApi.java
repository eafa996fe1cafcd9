package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Room;
import io.ieum.core.service.AuthContext;
import io.ieum.core.service.Services;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Fields;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;
import io.ieum.server.json.Views.RoomSummaryView;

/** My room list, direct and group rooms, and their members. */
public final class RoomsApi {

    record OpenDirect(String username) {}

    record CreateGroup(String name, List<String> members) {}

    record Invite(List<String> usernames) {}

    private final Services services;
    private final Responses responses;
    private final RoomViews views;

    public RoomsApi(Services services, Responses responses) {
        this.services = requireNonNull(services, "services");
        this.responses = requireNonNull(responses, "responses");
        this.views = new RoomViews(services.accounts());
    }

    public void register(Router router) {
        router.user(HttpMethod.GET, "/api/rooms", req -> responses.ok(Map.of("rooms",
                services.rooms().roomList(req.caller()).stream().map(RoomSummaryView::of).toList())));
        router.user(HttpMethod.POST, "/api/rooms/direct", this::openDirect);
        router.user(HttpMethod.POST, "/api/rooms", this::createGroup);
        router.user(HttpMethod.GET, "/api/rooms/{id}", req -> responses.ok(views.of(
                services.rooms().details(req.caller(), roomId(req)))));
        router.user(HttpMethod.POST, "/api/rooms/{id}/members", this::invite);
        router.user(HttpMethod.DELETE, "/api/rooms/{id}/members/{userId}", this::removeMember);
    }

    static RoomId roomId(ApiRequest req) {
        return RoomId.parse("roomId", req.path("id"));
    }

    private HttpResponse openDirect(ApiRequest req) {
        OpenDirect body = req.body(OpenDirect.class);
        AuthContext caller = req.caller();
        Room room = services.rooms().openDirect(caller, Fields.required(body.username(), "username", "a username"));
        return responses.ok(views.of(services.rooms().details(caller, room.id())));
    }

    private HttpResponse createGroup(ApiRequest req) {
        CreateGroup body = req.body(CreateGroup.class);
        AuthContext caller = req.caller();
        Room room = services.rooms().createGroup(caller, Fields.required(body.name(), "name", "a room name"), body.members());
        return responses.created(views.of(services.rooms().details(caller, room.id())));
    }

    private HttpResponse invite(ApiRequest req) {
        RoomId roomId = roomId(req);
        Invite body = req.body(Invite.class);
        List<String> usernames = Fields.required(body.usernames(), "usernames", "an array of usernames");
        return responses.ok(views.of(services.rooms().invite(req.caller(), roomId, usernames)));
    }

    /** {@code me} leaves the room; a user ID is removed by the owner. */
    private HttpResponse removeMember(ApiRequest req) {
        RoomId roomId = roomId(req);
        String who = req.path("userId");
        if (who.equals("me")) {
            services.rooms().leave(req.caller(), roomId);
        } else {
            services.rooms().removeMember(req.caller(), roomId, UserId.parse("userId", who));
        }
        return Responses.noContent();
    }
}
