package io.ieum.server.export;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.BlobInfo;
import io.ieum.core.model.Contact;
import io.ieum.core.model.Member;
import io.ieum.core.model.Relation;
import io.ieum.core.service.AuthContext;
import io.ieum.core.service.RoomDetails;
import io.ieum.core.service.Services;
import io.ieum.server.json.Json;
import io.ieum.server.json.Views.EntryView;
import io.ieum.server.json.Views.RoomView;
import io.ieum.server.json.Views.SessionView;
import io.ieum.server.json.Views.UserView;

/**
 * Writes a user's data export as a zip straight to an output stream: {@code data.json} (generated
 * entry by entry), {@code index.html} (the same, readable), and {@code attachments/<sha256>} for
 * every file the user uploaded or can see in their rooms. Rooms are paged, never loaded whole.
 */
public final class ExportWriter {

    private final Services services;
    private final Json json;
    private final Clock clock;

    public ExportWriter(Services services, Json json, Clock clock) {
        this.services = requireNonNull(services, "services");
        this.json = requireNonNull(json, "json");
        this.clock = requireNonNull(clock, "clock");
    }

    public void write(AuthContext caller, OutputStream out) throws IOException {
        Account me = services.accounts().me(caller);
        List<RoomView> rooms = rooms(caller);
        Set<String> blobs = new LinkedHashSet<>();
        services.storage().blobs().uploadsOf(caller.userId()).forEach(b -> blobs.add(b.sha256()));
        try (ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("data.json"));
            writeJson(caller, me, rooms, blobs, new NonClosing(zip));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("index.html"));
            new HtmlExport(services, clock).write(me, contacts(caller), rooms, new NonClosing(zip));
            zip.closeEntry();
            for (String sha256 : blobs) {
                copyBlob(sha256, zip);
            }
        }
    }

    private List<RoomView> rooms(AuthContext caller) {
        List<RoomView> views = new ArrayList<>();
        Map<UserId, Account> accounts = new HashMap<>();
        for (RoomId roomId : services.storage().rooms().roomsOf(caller.userId())) {
            RoomDetails details;
            try {
                details = services.rooms().details(caller, roomId);
            } catch (io.ieum.core.error.IeumException goneMeanwhile) {
                continue;
            }
            for (Member m : details.members()) {
                accounts.computeIfAbsent(m.userId(), id -> services.storage().accounts().byId(id).orElse(null));
            }
            views.add(RoomView.of(details, accounts));
        }
        return views;
    }

    Map<Relation, List<UserView>> contacts(AuthContext caller) {
        Map<Relation, List<UserView>> byRelation = new HashMap<>();
        byRelation.put(Relation.FRIEND, new ArrayList<>());
        byRelation.put(Relation.BLOCKED, new ArrayList<>());
        for (Contact contact : services.contacts().list(caller)) {
            services.storage().accounts().byId(contact.other())
                    .ifPresent(a -> byRelation.get(contact.relation()).add(UserView.of(a)));
        }
        return byRelation;
    }

    private void writeJson(AuthContext caller, Account me, List<RoomView> rooms, Set<String> blobs, OutputStream out)
            throws IOException {
        Map<Relation, List<UserView>> contacts = contacts(caller);
        try (JsonGenerator gen = json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeStringField("exportedAt", clock.instant().toString());
            gen.writeObjectField("profile", UserView.of(me));
            gen.writeObjectField("friends", contacts.get(Relation.FRIEND));
            gen.writeObjectField("blocked", contacts.get(Relation.BLOCKED));
            gen.writeObjectField("sessions", services.accounts().sessions(caller).stream()
                    .map(s -> SessionView.of(s, s.id().equals(caller.sessionId()))).toList());
            gen.writeArrayFieldStart("rooms");
            for (RoomView room : rooms) {
                gen.writeStartObject();
                gen.writeObjectField("room", room);
                gen.writeArrayFieldStart("entries");
                RoomPager.forEachEntry(services.storage().timeline(), RoomId.of(room.id()), entry -> {
                    entry.attachments().forEach(a -> blobs.add(a.sha256()));
                    try {
                        gen.writeObject(EntryView.of(entry));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeObjectField("attachments", blobs);
            gen.writeEndObject();
        }
    }

    private void copyBlob(String sha256, ZipOutputStream zip) throws IOException {
        var opened = services.storage().blobs().open(sha256);
        if (opened.isEmpty() || !BlobInfo.isSha256(sha256)) {
            return;
        }
        try (InputStream in = opened.get()) {
            zip.putNextEntry(new ZipEntry("attachments/" + sha256));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    /** Lets a writer close its own stream without closing the zip under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
