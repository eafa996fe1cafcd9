package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.linecorp.armeria.common.ContentDisposition;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpObject;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.stream.StreamMessage;

import io.ieum.core.error.IeumException;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.BlobInfo;
import io.ieum.core.service.Services;
import io.ieum.core.store.BlobStore;
import io.ieum.core.store.BlobTooLargeException;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;
import io.ieum.server.json.Views.AttachmentView;
import io.ieum.server.ops.Metrics;

/** Uploading files (streamed, size-capped) and downloading them as uploader, room member, or avatar viewer. */
public final class AttachmentsApi {

    /** Room for multipart framing and headers above the attachment limit, so the blob store's own check decides. */
    static final long UPLOAD_MARGIN = 64 * 1024;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]");

    private final Services services;
    private final Responses responses;
    private final Metrics metrics;
    private final AttachmentAccess access;

    public AttachmentsApi(Services services, Responses responses, Metrics metrics) {
        this.services = requireNonNull(services, "services");
        this.responses = requireNonNull(responses, "responses");
        this.metrics = requireNonNull(metrics, "metrics");
        this.access = new AttachmentAccess(services.storage().timeline());
    }

    public void register(Router router) {
        router.upload("/api/attachments", services.limits().maxAttachmentBytes() + UPLOAD_MARGIN, this::upload);
        router.download("/api/attachments/{sha256}", this::downloadOwn);
        router.download("/api/rooms/{roomId}/attachments/{sha256}", this::downloadFromRoom);
        router.download("/api/users/{userId}/avatar", this::avatar);
        router.download("/api/channels/{id}/picture", this::channelPicture);
    }

    private HttpResponse upload(ApiRequest req) throws IOException {
        String name = req.query("name");
        if (name == null || name.isBlank() || name.length() > Attachment.MAX_NAME || CONTROL.matcher(name).find()) {
            throw IeumException.invalid("name: '" + (name == null ? "" : name) + "' (expected: a file name of 1.."
                    + Attachment.MAX_NAME + " printable characters)");
        }
        MediaType type = req.headers().contentType();
        String contentType = type == null ? MediaType.OCTET_STREAM.toString() : type.withoutParameters().toString();
        long max = services.limits().maxAttachmentBytes();
        BlobInfo info;
        try (InputStream body = req.stream().toInputStream(AttachmentsApi::dataOf, req.ctx().eventLoop())) {
            info = services.storage().blobs().put(req.caller().userId(), body, max);
        } catch (BlobTooLargeException tooLarge) {
            metrics.uploadRejected();
            req.stream().abort();
            throw tooLarge;
        }
        return responses.created(new AttachmentView(info.sha256(), name.strip(), contentType, info.size()));
    }

    private static HttpData dataOf(HttpObject object) {
        return object instanceof HttpData data ? data : HttpData.empty();
    }

    private HttpResponse downloadOwn(ApiRequest req) throws IOException {
        String sha256 = sha256(req.path("sha256"));
        if (!services.storage().blobs().isUploader(sha256, req.caller().userId())) {
            throw IeumException.notFound("sha256: " + sha256 + " (expected: a file you uploaded)");
        }
        return stream(sha256, MediaType.OCTET_STREAM, sha256);
    }

    private HttpResponse downloadFromRoom(ApiRequest req) throws IOException {
        RoomId roomId = RoomId.parse("roomId", req.path("roomId"));
        String sha256 = sha256(req.path("sha256"));
        services.membership().requireMember(roomId, req.caller().userId());
        Attachment attachment = access.find(roomId, sha256).orElseThrow(() -> IeumException.notFound(
                "sha256: " + sha256 + " (expected: a file attached to a message of room " + roomId + ")"));
        return stream(sha256, mediaType(attachment.contentType()), attachment.name());
    }

    private HttpResponse avatar(ApiRequest req) throws IOException {
        UserId userId = UserId.parse("userId", req.path("userId"));
        Account account = services.accounts().account(userId);
        String sha256 = account.profile().avatar();
        if (sha256 == null) {
            throw IeumException.notFound("avatar of userId: " + userId + " (expected: a user who set an avatar)");
        }
        return stream(sha256, MediaType.OCTET_STREAM, "avatar");
    }

    /** A shop's picture is public to every signed-in user, like its name: customers see it in search and chat. */
    private HttpResponse channelPicture(ApiRequest req) throws IOException {
        ChannelId channelId = ChannelId.parse("channelId", req.path("id"));
        String sha256 = services.channels().channel(channelId).picture();
        if (sha256 == null) {
            throw IeumException.notFound("picture of channelId: " + channelId + " (expected: a channel that set a picture)");
        }
        return stream(sha256, MediaType.OCTET_STREAM, "picture");
    }

    private HttpResponse stream(String sha256, MediaType type, String fileName) throws IOException {
        BlobStore blobs = services.storage().blobs();
        long size = blobs.info(sha256).map(BlobInfo::size).orElse(-1L);
        InputStream in = blobs.open(sha256)
                .orElseThrow(() -> IeumException.notFound("sha256: " + sha256 + " (expected: a stored file)"));
        ImageSniffer.Sniffed sniffed = ImageSniffer.sniff(in);
        MediaType contentType = type.is(MediaType.OCTET_STREAM) && sniffed.type() != null ? sniffed.type() : type;
        var headers = ResponseHeaders.builder(HttpStatus.OK)
                .contentType(contentType)
                .set(HttpHeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .set(HttpHeaderNames.CACHE_CONTROL, "private, max-age=31536000, immutable")
                .contentDisposition(ContentDisposition.builder(contentType.is(MediaType.ANY_IMAGE_TYPE) ? "inline" : "attachment")
                        .filename(fileName, StandardCharsets.UTF_8).build());
        if (size >= 0) {
            headers.contentLength(size);
        }
        return HttpResponse.of(headers.build(), StreamMessage.of(sniffed.stream()));
    }

    private static MediaType mediaType(String contentType) {
        try {
            return MediaType.parse(contentType);
        } catch (IllegalArgumentException unparsable) {
            return MediaType.OCTET_STREAM;
        }
    }

    private static String sha256(String text) {
        if (!BlobInfo.isSha256(text)) {
            throw IeumException.invalid("sha256: '" + (text.length() > 70 ? text.substring(0, 70) + "…" : text)
                    + "' (expected: 64 lower-case hex digits)");
        }
        return text;
    }
}
