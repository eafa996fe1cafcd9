package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;

import io.ieum.core.channel.Channel;
import io.ieum.core.channel.ItemKind;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.service.AuthContext;
import io.ieum.core.service.ChannelService;
import io.ieum.core.service.Services;
import io.ieum.core.store.ChannelStore;
import io.ieum.server.api.ChannelViews.AnnouncementView;
import io.ieum.server.api.ChannelViews.ChannelDetailView;
import io.ieum.server.api.ChannelViews.ChannelView;
import io.ieum.server.api.ChannelViews.ItemView;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Fields;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;
import io.ieum.server.json.Views.RoomSummaryView;
import io.ieum.server.json.Views.UserView;

/** Channels: create and edit, staff, catalogue, search and follow, the customer's conversation, inbox, announcements. */
public final class ChannelsApi {

    record ChannelBody(String name, String description, String openingHours, String contact, String picture) {}

    record ItemBody(String kind, String name, Long price, List<String> options, Integer durationMinutes, Boolean available) {}

    record AnnouncementBody(String text) {}

    record StaffView(UserView user, String role, java.time.Instant since) {}

    record InboxView(UserView customer, RoomSummaryView room) {}

    private final Services services;
    private final Responses responses;
    private final RoomViews rooms;

    public ChannelsApi(Services services, Responses responses) {
        this.services = requireNonNull(services, "services");
        this.responses = requireNonNull(responses, "responses");
        this.rooms = new RoomViews(services.accounts());
    }

    public void register(Router router) {
        router.user(HttpMethod.GET, "/api/channels", this::search);
        router.user(HttpMethod.POST, "/api/channels", this::create);
        router.user(HttpMethod.GET, "/api/channels/mine", req -> responses.ok(Map.of("channels",
                services.channels().mine(req.caller()).stream().map(ChannelView::of).toList())));
        router.user(HttpMethod.GET, "/api/channels/{id}", this::detail);
        router.user(HttpMethod.PUT, "/api/channels/{id}", this::update);
        router.user(HttpMethod.GET, "/api/channels/{id}/staff", this::staff);
        router.user(HttpMethod.PUT, "/api/channels/{id}/staff/{username}", this::addStaff);
        router.user(HttpMethod.DELETE, "/api/channels/{id}/staff/{userId}", req -> {
            services.channels().removeStaff(req.caller(), channelId(req), UserId.parse("userId", req.path("userId")));
            return Responses.noContent();
        });
        router.user(HttpMethod.POST, "/api/channels/{id}/items", this::addItem);
        router.user(HttpMethod.PUT, "/api/channels/{id}/items/{itemId}", this::updateItem);
        router.user(HttpMethod.PUT, "/api/channels/{id}/follow", req -> {
            services.channels().follow(req.caller(), channelId(req));
            return Responses.noContent();
        });
        router.user(HttpMethod.DELETE, "/api/channels/{id}/follow", req -> {
            services.channels().unfollow(req.caller(), channelId(req));
            return Responses.noContent();
        });
        router.user(HttpMethod.POST, "/api/channels/{id}/conversation", req -> {
            AuthContext caller = req.caller();
            var room = services.channels().openConversation(caller, channelId(req));
            return responses.ok(rooms.of(services.rooms().details(caller, room.id())));
        });
        router.user(HttpMethod.GET, "/api/channels/{id}/inbox", this::inbox);
        router.user(HttpMethod.GET, "/api/rooms/{roomId}/channel", this::channelOfRoom);
        router.user(HttpMethod.POST, "/api/channels/{id}/announcements", req -> {
            AnnouncementBody body = req.body(AnnouncementBody.class);
            return responses.created(AnnouncementView.of(services.channels().announce(req.caller(), channelId(req),
                    Fields.required(body.text(), "text", "the announcement"))));
        });
        router.user(HttpMethod.GET, "/api/channels/{id}/announcements", req -> responses.ok(Map.of("announcements",
                services.channels().announcements(channelId(req), req.intQuery("limit", 20, 1, 200)).stream()
                        .map(AnnouncementView::of).toList())));
    }

    static ChannelId channelId(ApiRequest req) {
        return ChannelId.parse("channelId", req.path("id"));
    }

    private HttpResponse search(ApiRequest req) {
        String query = req.query("q");
        int limit = req.intQuery("limit", 20, 1, ChannelStore.MAX_SEARCH);
        return responses.ok(Map.of("channels",
                services.channels().search(query, limit).stream().map(ChannelView::of).toList()));
    }

    private HttpResponse create(ApiRequest req) {
        ChannelBody body = req.body(ChannelBody.class);
        Channel channel = services.channels().create(req.caller(), details(body));
        return responses.created(detailOf(req.caller(), channel));
    }

    private HttpResponse update(ApiRequest req) {
        ChannelBody body = req.body(ChannelBody.class);
        ChannelId id = channelId(req);
        Channel channel = services.channels().update(req.caller(), id, details(body));
        return responses.ok(detailOf(req.caller(), channel));
    }

    private static ChannelService.Details details(ChannelBody body) {
        return new ChannelService.Details(Fields.required(body.name(), "name", "the channel's name"), body.description(),
                body.openingHours(), body.contact(), body.picture());
    }

    private HttpResponse detail(ApiRequest req) {
        return responses.ok(detailOf(req.caller(), services.channels().channel(channelId(req))));
    }

    private ChannelDetailView detailOf(AuthContext caller, Channel channel) {
        return new ChannelDetailView(ChannelView.of(channel),
                services.channels().catalogue(caller, channel.id()).stream().map(ItemView::of).toList(),
                services.channels().roleOf(caller, channel.id()).map(Enum::name).orElse(null),
                services.channels().follows(caller, channel.id()));
    }

    private HttpResponse staff(ApiRequest req) {
        return responses.ok(Map.of("staff", services.channels().staff(req.caller(), channelId(req)).stream()
                .map(s -> new StaffView(UserView.of(services.accounts().account(s.userId())), s.role().name(), s.since()))
                .toList()));
    }

    private HttpResponse addStaff(ApiRequest req) {
        var staff = services.channels().addStaff(req.caller(), channelId(req), req.path("username"));
        return responses.ok(new StaffView(UserView.of(services.accounts().account(staff.userId())), staff.role().name(),
                staff.since()));
    }

    private HttpResponse addItem(ApiRequest req) {
        ItemBody body = req.body(ItemBody.class);
        ItemKind kind = WireValues.required(ItemKind.class, body.kind(), "kind");
        return responses.created(ItemView.of(services.channels().addItem(req.caller(), channelId(req), draft(kind, body))));
    }

    private HttpResponse updateItem(ApiRequest req) {
        ChannelId channel = channelId(req);
        ItemId itemId = ItemId.parse("itemId", req.path("itemId"));
        ItemBody body = req.body(ItemBody.class);
        var current = services.channels().item(channel, itemId);
        return responses.ok(ItemView.of(services.channels().updateItem(req.caller(), channel, itemId,
                draft(current.kind(), body), body.available() == null || body.available())));
    }

    private static ChannelService.ItemDraft draft(ItemKind kind, ItemBody body) {
        return new ChannelService.ItemDraft(kind, Fields.required(body.name(), "name", "the item's name"),
                Fields.required(body.price(), "price", "a price in won, 0..100000000"), body.options(),
                body.durationMinutes() == null ? 0 : body.durationMinutes());
    }

    /** The shop a conversation room is with, for its members (the chat header shows its name and picture). */
    private HttpResponse channelOfRoom(ApiRequest req) {
        RoomId roomId = RoomId.parse("roomId", req.path("roomId"));
        var room = services.membership().requireRoomOf(roomId, req.caller().userId());
        return responses.ok(ChannelView.of(services.channels().channelOfConversation(room, services.membership().memberIds(roomId))));
    }

    private HttpResponse inbox(ApiRequest req) {
        return responses.ok(Map.of("conversations", services.channels().inbox(req.caller(), channelId(req)).stream()
                .map(item -> new InboxView(UserView.of(services.accounts().account(item.conversation().customer())),
                        RoomSummaryView.of(item.summary())))
                .toList()));
    }
}
