package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.Entry;
import io.ieum.core.service.HistoryEntry;
import io.ieum.core.service.SendResult;
import io.ieum.core.service.Services;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Fields;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;
import io.ieum.server.json.Views.AttachmentView;
import io.ieum.server.json.Views.EntryView;
import io.ieum.server.ops.Metrics;

/** A room's history, sending (idempotent by client-made ID), deleting for everyone, and read positions. */
public final class MessagesApi {

    static final int DEFAULT_PAGE = 50;

    record Send(String id, String text, String replyTo, List<AttachmentView> attachments) {}

    record Sent(String status, EntryView entry) {}

    record MarkRead(String upTo) {}

    record Page(List<EntryView> entries, boolean hasMore) {}

    private final Services services;
    private final Responses responses;
    private final Metrics metrics;

    public MessagesApi(Services services, Responses responses, Metrics metrics) {
        this.services = requireNonNull(services, "services");
        this.responses = requireNonNull(responses, "responses");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    public void register(Router router) {
        router.user(HttpMethod.GET, "/api/rooms/{id}/messages", this::history);
        router.user(HttpMethod.POST, "/api/rooms/{id}/messages", this::send);
        router.user(HttpMethod.DELETE, "/api/rooms/{id}/messages/{entryId}", this::delete);
        router.user(HttpMethod.POST, "/api/rooms/{id}/read", this::markRead);
    }

    private HttpResponse history(ApiRequest req) {
        RoomId roomId = RoomsApi.roomId(req);
        String beforeText = req.query("before");
        MessageId before = beforeText == null ? null : MessageId.parse("before", beforeText);
        int limit = req.intQuery("limit", DEFAULT_PAGE, 1, io.ieum.core.service.MessageService.MAX_PAGE);
        List<HistoryEntry> page = services.messages().history(req.caller(), roomId, before, limit);
        boolean hasMore = page.size() == limit
                && !services.storage().timeline().before(roomId, page.get(page.size() - 1).entry().id(), 1).isEmpty();
        return responses.ok(new Page(page.stream().map(h -> EntryView.of(h.entry(), h.unreadBy())).toList(), hasMore));
    }

    private HttpResponse send(ApiRequest req) {
        RoomId roomId = RoomsApi.roomId(req);
        Send body = req.body(Send.class);
        MessageId id = MessageId.parse("id", Fields.required(body.id(), "id", "a UUIDv7 made by the client"));
        MessageId replyTo = body.replyTo() == null ? null : MessageId.parse("replyTo", body.replyTo());
        List<Attachment> attachments = body.attachments() == null ? List.of()
                : body.attachments().stream().map(MessagesApi::attachment).toList();
        SendResult result = services.messages().sendChecked(req.caller(), roomId, id, body.text(), replyTo, attachments).join();
        boolean stored = result.result() == AppendResult.STORED;
        if (stored) {
            metrics.messageSent();
        } else {
            metrics.messageDuplicate();
        }
        return responses.of(stored ? HttpStatus.CREATED : HttpStatus.OK,
                new Sent(stored ? "stored" : "duplicate", EntryView.of(result.entry())));
    }

    private static Attachment attachment(AttachmentView view) {
        Fields.required(view, "attachments[]", "an attachment object");
        return new Attachment(Fields.required(view.sha256(), "attachment.sha256", "a SHA-256 hex digest"),
                Fields.required(view.name(), "attachment.name", "a file name"),
                Fields.required(view.contentType(), "attachment.contentType", "a media type"), view.size());
    }

    private HttpResponse delete(ApiRequest req) {
        RoomId roomId = RoomsApi.roomId(req);
        MessageId target = MessageId.parse("entryId", req.path("entryId"));
        Entry deleted = services.messages().delete(req.caller(), roomId, target).join();
        return responses.ok(EntryView.of(deleted));
    }

    private HttpResponse markRead(ApiRequest req) {
        RoomId roomId = RoomsApi.roomId(req);
        MarkRead body = req.body(MarkRead.class);
        MessageId upTo = MessageId.parse("upTo", Fields.required(body.upTo(), "upTo", "an entry ID"));
        services.messages().markRead(req.caller(), roomId, upTo).join();
        return Responses.noContent();
    }
}
