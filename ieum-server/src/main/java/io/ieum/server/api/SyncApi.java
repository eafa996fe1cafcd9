package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.MessageId;
import io.ieum.core.service.MessageService;
import io.ieum.core.service.Services;
import io.ieum.core.service.SyncPage;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;
import io.ieum.server.json.Views.EntryView;

/** Catching a device up: {@code since} after a reconnect (with overlap), {@code after} for the next page. */
public final class SyncApi {

    record Synced(List<EntryView> entries, String cursor, boolean hasMore) {}

    private final Services services;
    private final Responses responses;

    public SyncApi(Services services, Responses responses) {
        this.services = requireNonNull(services, "services");
        this.responses = requireNonNull(responses, "responses");
    }

    public void register(Router router) {
        router.user(HttpMethod.GET, "/api/sync", this::sync);
    }

    private HttpResponse sync(ApiRequest req) {
        String since = req.query("since");
        String after = req.query("after");
        if (since != null && after != null) {
            throw new IeumException(ErrorCode.BAD_REQUEST, "since and after: both given (expected: at most one of them)");
        }
        boolean continuation = after != null;
        MessageId cursor = since != null ? MessageId.parse("since", since) : after != null ? MessageId.parse("after", after) : null;
        int limit = req.intQuery("limit", MessageService.MAX_PAGE, 1, MessageService.MAX_PAGE);
        SyncPage page = services.messages().sync(req.caller(), cursor, continuation, limit);
        // The service reads at most `limit` entries per room, so a single busy room can fill the page
        // without being flagged; a full page therefore always asks for another (at worst an empty one).
        boolean hasMore = page.hasMore() || page.entries().size() >= limit;
        return responses.ok(new Synced(page.entries().stream().map(EntryView::of).toList(),
                page.cursor() == null ? null : page.cursor().toString(), hasMore));
    }
}
