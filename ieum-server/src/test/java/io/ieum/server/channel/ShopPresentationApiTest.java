package io.ieum.server.channel;

import static io.ieum.server.channel.Shop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.SharedServer;

/** What customers see of a shop (its picture, who serves them) and the board paged over every order. */
class ShopPresentationApiTest {

    @RegisterExtension
    static final SharedServer shared = new SharedServer();

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void pictureShouldBeVisibleToAnyCustomerAndTheConversationShouldNameItsShop() {
        Shop shop = Shop.open(shared.client(), "Picture " + Shop.newId().substring(0, 8));
        Reply upload = ok(shared.client().call("POST", "/api/attachments?name=shop.png", shop.owner().token(), "image/png", PNG, Map.of()));
        ok(shared.client().json("PUT", "/api/channels/" + shop.channel(), shop.owner().token(), Map.of("name", "Picture shop",
                "picture", upload.field("sha256"))));
        User sora = shared.client().newUser("sora");
        User dae = shared.client().newUser("dae");

        Reply picture = shared.client().get("/api/channels/" + shop.channel() + "/picture", sora.token());
        String room = ok(shared.client().json("POST", "/api/channels/" + shop.channel() + "/conversation", sora.token(), null)).field("id");
        Reply asCustomer = shared.client().get("/api/rooms/" + room + "/channel", sora.token());
        Reply asStaff = shared.client().get("/api/rooms/" + room + "/channel", shop.staff().token());
        Reply asStranger = shared.client().get("/api/rooms/" + room + "/channel", dae.token());

        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.header("content-type")).isEqualTo("image/png");
        assertThat(picture.bytes()).isEqualTo(PNG);
        assertThat(asCustomer.status()).as(asCustomer.toString()).isEqualTo(200);
        assertThat(asCustomer.field("id")).isEqualTo(shop.channel());
        assertThat(asCustomer.field("picture")).isEqualTo(upload.field("sha256"));
        assertThat(asStaff.field("id")).isEqualTo(shop.channel());
        assertThat(asStranger.status()).isEqualTo(403);
        assertThat(asStranger.field("error")).isEqualTo("not_member");
    }

    @Test
    void aShopWithoutPictureAndARoomThatIsNoConversationShouldBeNotFound() {
        Shop shop = Shop.open(shared.client(), "No picture");
        User sora = shared.client().newUser("sora");
        String direct = ok(shared.client().json("POST", "/api/rooms/direct", sora.token(), Map.of("username", shop.owner().username()))).field("id");

        Reply picture = shared.client().get("/api/channels/" + shop.channel() + "/picture", sora.token());
        Reply channel = shared.client().get("/api/rooms/" + direct + "/channel", sora.token());

        assertThat(picture.status()).isEqualTo(404);
        assertThat(picture.field("message")).contains("picture of channelId: " + shop.channel());
        assertThat(channel.status()).isEqualTo(404);
        assertThat(channel.field("message")).contains("roomId: " + direct);
    }

    @Test
    void aPictureShouldBeAFileTheOwnerUploadedSoThatAKnownHashPublishesNobodyElsesFile() {
        User sora = shared.client().newUser("sora");
        String private_ = ok(shared.client().call("POST", "/api/attachments?name=id-card.png", sora.token(), "image/png", PNG, Map.of()))
                .field("sha256");
        Shop shop = Shop.open(shared.client(), "Borrowed picture");

        Reply created = shared.client().json("POST", "/api/channels", shop.owner().token(), Map.of("name", "Thief", "picture", private_));
        Reply updated = shared.client().json("PUT", "/api/channels/" + shop.channel(), shop.owner().token(), Map.of("name", "Thief",
                "picture", private_));

        for (Reply refused : List.of(created, updated)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.field("error")).isEqualTo("invalid_field");
            assertThat(refused.field("message")).contains("picture: '" + private_ + "'");
        }
        assertThat(shared.client().get("/api/channels/" + shop.channel() + "/picture", sora.token()).status()).isEqualTo(404);
    }

    @Test
    void slotsAndCalendarShouldNameTheStaffMember() {
        Shop shop = Shop.open(shared.client(), "Names");
        ok(shared.client().json("PATCH", "/api/me", shop.staff().token(), Map.of("displayName", "미용사 준")));
        User sora = shared.client().newUser("sora");
        String date = Shop.tomorrowAt(10, 0).toString().substring(0, 10);

        JsonNode calendar = ok(shared.client().get("/api/channels/" + shop.channel() + "/calendar", sora.token())).json();
        JsonNode slots = ok(shared.client().get("/api/channels/" + shop.channel() + "/slots?serviceId=" + shop.haircut() + "&date=" + date
                + "&staffId=" + shop.staff().id(), sora.token())).json().path("slots");

        assertThat(calendar.path("staffNames").path(shop.staff().id()).asText()).isEqualTo("미용사 준");
        assertThat(calendar.path("staffNames").path(shop.owner().id()).asText()).isNotBlank();
        assertThat(slots).isNotEmpty();
        slots.forEach(slot -> assertThat(slot.path("staffName").asText()).isEqualTo("미용사 준"));
    }

    @Test
    void boardShouldPageThroughEveryOrderWithAndWithoutFilters() {
        Shop shop = Shop.open(shared.client(), "Paging");
        User sora = shared.client().newUser("sora");
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = Shop.newId();
            ok(shop.order(sora, id));
            placed.add(0, id); // newest first, as the board lists them
        }
        for (int i : new int[] {1, 4, 6}) {
            ok(shop.move(shop.owner(), placed.get(i), "ACCEPTED", null, 1));
        }

        assertThat(allPages(shop, "limit=2")).containsExactlyElementsOf(placed);
        assertThat(allPages(shop, "limit=2&status=ACCEPTED")).containsExactly(placed.get(1), placed.get(4), placed.get(6));
    }

    @Test
    void aRareMatchShouldBeReachedThroughShortPagesWhenTheScanStopsEarly() {
        Shop shop = Shop.open(shared.client(), "Rare");
        User sora = shared.client().newUser("sora");
        String rare = Shop.newId();
        ok(shared.client().json("POST", "/api/channels/" + shop.channel() + "/orders", sora.token(), Map.of("id", rare,
                "items", List.of(Map.of("itemId", shop.cake(), "quantity", 1)), "note", "needle")));
        for (int i = 0; i < 12; i++) {
            ok(shop.order(sora, Shop.newId()));
        }

        JsonNode first = ok(shared.client().get("/api/channels/" + shop.channel() + "/orders?limit=1&q=needle", shop.staff().token())).json();

        assertThat(first.path("orders")).as("one page scans at most 10 × limit orders").isEmpty();
        assertThat(first.path("next").isTextual()).isTrue();
        assertThat(allPages(shop, "limit=1&q=needle")).containsExactly(rare);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit=0              | bad_request   | limit: '0' (expected: an integer in 1..200)",
        "limit=201            | bad_request   | limit: '201' (expected: an integer in 1..200)",
        "before=yesterday     | invalid_field | before",
        "status=LOST          | invalid_field | status",
    })
    void badPagingShouldBeRefusedNamingTheParameter(String query, String error, String message) {
        Shop shop = Shop.open(shared.client(), "Bad paging");

        Reply reply = shared.client().get("/api/channels/" + shop.channel() + "/orders?" + query, shop.owner().token());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.field("error")).isEqualTo(error);
        assertThat(reply.field("message")).contains(message);
    }

    /** Order IDs of every page of the board for {@code query}, following {@code next} until it is null. */
    private static List<String> allPages(Shop shop, String query) {
        List<String> ids = new ArrayList<>();
        String next = null;
        for (int pages = 0; pages < 50; pages++) {
            JsonNode page = ok(shared.client().get("/api/channels/" + shop.channel() + "/orders?" + query
                    + (next == null ? "" : "&before=" + next), shop.staff().token())).json();
            page.path("orders").forEach(o -> ids.add(o.path("id").asText()));
            if (page.path("next").isNull()) {
                return ids;
            }
            next = page.path("next").asText();
        }
        throw new AssertionError("more than 50 pages: " + Arrays.toString(ids.toArray()));
    }
}
