package io.ieum.server.export;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ieum.core.id.RoomId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.Entry;
import io.ieum.core.model.Relation;
import io.ieum.core.service.Services;
import io.ieum.server.json.Views.MemberView;
import io.ieum.server.json.Views.RoomView;
import io.ieum.server.json.Views.UserView;

/** The export as one readable UTF-8 page; every user-written text is HTML-escaped. */
final class HtmlExport {

    private final Services services;
    private final Clock clock;

    HtmlExport(Services services, Clock clock) {
        this.services = requireNonNull(services, "services");
        this.clock = requireNonNull(clock, "clock");
    }

    void write(Account me, Map<Relation, List<UserView>> contacts, List<RoomView> rooms, OutputStream out) throws IOException {
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Ieum export — "
                    + escape(me.username().value()) + "</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:auto}"
                    + ".meta{color:#666;font-size:.85em}li{margin:.2em 0}</style></head><body>\n");
            w.write("<h1>" + escape(me.profile().displayName()) + " (@" + escape(me.username().value()) + ")</h1>\n");
            w.write("<p class=\"meta\">Exported " + clock.instant() + "</p>\n");
            w.write("<p>" + escape(me.profile().statusMessage()) + "</p>\n");
            writeUsers(w, "Friends", contacts.get(Relation.FRIEND));
            writeUsers(w, "Blocked", contacts.get(Relation.BLOCKED));
            for (RoomView room : rooms) {
                writeRoom(w, room);
            }
            w.write("</body></html>\n");
        }
    }

    private static void writeUsers(Writer w, String title, List<UserView> users) throws IOException {
        w.write("<h2>" + title + "</h2>\n<ul>\n");
        for (UserView u : users) {
            w.write("<li>" + escape(u.displayName()) + " (@" + escape(u.username()) + ")</li>\n");
        }
        w.write("</ul>\n");
    }

    private void writeRoom(Writer w, RoomView room) throws IOException {
        Map<String, String> names = new HashMap<>();
        for (MemberView m : room.members()) {
            names.put(m.user().id(), m.user().displayName());
        }
        String title = room.kind().equals("DIRECT") ? "Direct: " + String.join(", ", names.values()) : room.name();
        w.write("<h2>" + escape(title) + "</h2>\n<ul>\n");
        RoomPager.forEachEntry(services.storage().timeline(), RoomId.of(room.id()), entry -> {
            try {
                w.write(line(entry, names));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.write("</ul>\n");
    }

    private static String line(Entry e, Map<String, String> names) {
        String who = escape(names.getOrDefault(e.sender().toString(), e.sender().toString()));
        StringBuilder s = new StringBuilder("<li><span class=\"meta\">").append(e.id().createdAt()).append("</span> <b>")
                .append(who).append("</b>: ");
        if (e.isMessage()) {
            s.append(e.deleted() ? "<i>(deleted)</i>" : escape(e.text()));
            for (Attachment a : e.attachments()) {
                s.append(" <a href=\"attachments/").append(a.sha256()).append("\">").append(escape(a.name())).append("</a>");
            }
        } else {
            s.append("<i>").append(e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append(e.target() == null ? "" : " " + escape(names.getOrDefault(e.target(), e.target()))).append("</i>");
        }
        return s.append("</li>\n").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
