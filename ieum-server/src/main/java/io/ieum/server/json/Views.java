package io.ieum.server.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.Entry;
import io.ieum.core.model.Member;
import io.ieum.core.model.Room;
import io.ieum.core.model.Session;
import io.ieum.core.service.RoomDetails;
import io.ieum.core.service.RoomSummary;

/** The JSON shapes of docs/protocol.md ("Views"), built from domain values. */
public final class Views {

    private Views() {}

    public record UserView(String id, String username, String displayName, String statusMessage, String avatar) {
        public static UserView of(Account a) {
            return new UserView(a.id().toString(), a.username().value(), a.profile().displayName(),
                    a.profile().statusMessage(), a.profile().avatar());
        }
    }

    public record SessionView(String id, String deviceName, Instant createdAt, Instant expiresAt, boolean current) {
        public static SessionView of(Session s, boolean current) {
            return new SessionView(s.id().toString(), s.deviceName(), s.createdAt(), s.expiresAt(), current);
        }
    }

    public record AttachmentView(String sha256, String name, String contentType, long size) {
        public static AttachmentView of(Attachment a) {
            return new AttachmentView(a.sha256(), a.name(), a.contentType(), a.size());
        }

        public Attachment toDomain() {
            return new Attachment(sha256, name, contentType, size);
        }
    }

    /** An entry; {@code unreadBy} is null where it is not computed (live pushes). */
    public record EntryView(String id, String roomId, String sender, String kind, String text, String replyTo,
                            List<AttachmentView> attachments, String target, boolean deleted, Instant createdAt,
                            Integer unreadBy) {
        public static EntryView of(Entry e, Integer unreadBy) {
            return new EntryView(e.id().toString(), e.roomId().toString(), e.sender().toString(), e.kind().name(),
                    e.text(), e.replyTo() == null ? null : e.replyTo().toString(),
                    attachments(e.attachments()), e.target(), e.deleted(),
                    e.id().createdAt(), unreadBy);
        }

        public static EntryView of(Entry e) {
            return of(e, null);
        }

        /** Most entries have none: skip the stream (this runs once per message sent). */
        private static List<AttachmentView> attachments(List<Attachment> attachments) {
            return attachments.isEmpty() ? List.of() : attachments.stream().map(AttachmentView::of).toList();
        }
    }

    public record RoomSummaryView(String id, String kind, String name, int memberCount, Instant lastActivity,
                                  int unread, EntryView latest) {
        public static RoomSummaryView of(RoomSummary s) {
            Room r = s.room();
            return new RoomSummaryView(r.id().toString(), r.kind().name(), r.name(), s.memberCount(),
                    Instant.ofEpochMilli(s.lastActivityMillis()), s.unread(),
                    s.latest() == null ? null : EntryView.of(s.latest()));
        }
    }

    public record MemberView(UserView user, String role, Instant joinedAt, String readUpTo) {}

    public record RoomView(String id, String kind, String name, String owner, Instant createdAt, List<MemberView> members) {
        /** {@code accounts} must hold every member's account. */
        public static RoomView of(RoomDetails d, Map<UserId, Account> accounts) {
            Room r = d.room();
            List<MemberView> members = d.members().stream().map(m -> member(m, accounts, d.readPositions())).toList();
            return new RoomView(r.id().toString(), r.kind().name(), r.name(), r.owner().toString(), r.createdAt(), members);
        }

        private static MemberView member(Member m, Map<UserId, Account> accounts, Map<UserId, MessageId> positions) {
            MessageId position = positions.get(m.userId());
            Account account = accounts.get(m.userId());
            UserView user = account == null
                    ? new UserView(m.userId().toString(), "", "", "", null)
                    : UserView.of(account);
            return new MemberView(user, m.role().name(), m.joinedAt(), position == null ? null : position.toString());
        }
    }
}
