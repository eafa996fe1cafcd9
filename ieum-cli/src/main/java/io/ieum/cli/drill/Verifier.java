package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.ieum.client.model.EntryView;

/**
 * Checks every member's view of every room against what the drill's clients were told: each
 * member reads the whole history through its own site, and its live pushes are compared too.
 */
final class Verifier {

    private final Map<String, List<DrillClient>> membersByRoom;

    Verifier(Map<String, List<DrillClient>> membersByRoom) {
        this.membersByRoom = Map.copyOf(requireNonNull(membersByRoom, "membersByRoom"));
    }

    Verdict check(List<SendRecord> sends, Optional<Scenario.Window> refusal) {
        Map<String, List<SendRecord>> sendsByRoom = sends.stream().collect(Collectors.groupingBy(s -> s.roomId));
        Set<String> lost = new HashSet<>();
        int duplicated = 0;
        int orderMismatches = 0;
        int notDelivered = 0;
        List<String> missedPushes = new ArrayList<>();
        Set<String> storedAnywhere = new HashSet<>();
        for (Map.Entry<String, List<DrillClient>> room : membersByRoom.entrySet()) {
            List<SendRecord> roomSends = sendsByRoom.getOrDefault(room.getKey(), List.of());
            List<String> reference = null;
            for (DrillClient member : room.getValue()) {
                List<EntryView> history = MemberViews.history(member, room.getKey());
                List<String> ids = history.stream().map(EntryView::id).toList();
                Set<String> present = new HashSet<>(ids);
                storedAnywhere.addAll(present);
                if (reference == null) {
                    reference = ids;
                } else if (!reference.equals(ids)) {
                    orderMismatches++;
                }
                duplicated += ids.size() - present.size();
                Map<String, Integer> byText = new HashMap<>();
                history.stream().filter(e -> e.text() != null && e.text().startsWith("drill c"))
                        .forEach(e -> byText.merge(e.text(), 1, Integer::sum));
                duplicated += byText.values().stream().mapToInt(n -> n - 1).sum();
                Set<String> pushed = new HashSet<>(member.receivedIn(room.getKey()));
                for (SendRecord send : roomSends) {
                    if (send.isAcked() && !present.contains(send.id)) {
                        lost.add(send.id);
                    }
                    if (send.isAcked() && !pushed.contains(send.id)) {
                        notDelivered++;
                        if (missedPushes.size() < Verdict.MISSED_PUSHES_SHOWN) {
                            missedPushes.add("c" + member.index + " (site " + member.home.number() + ") missed " + send.id
                                    + " from c" + send.client + ", sent at " + send.sentAt + " ms, acknowledged at "
                                    + send.ackedAt() + " ms; its connection: " + member.transitions());
                        }
                    }
                }
            }
        }
        int acknowledgedWhileCutOff = refusal.map(w -> (int) sends.stream()
                .filter(s -> s.sentAt >= w.from() && s.sentAt < w.until() && s.isAcked() && s.ackedAt() < w.until())
                .count()).orElse(0);
        int storedWithoutAck = (int) sends.stream().filter(s -> !s.isAcked() && storedAnywhere.contains(s.id)).count();
        return new Verdict(lost.size(), duplicated, orderMismatches, notDelivered, acknowledgedWhileCutOff, storedWithoutAck,
                missedPushes);
    }
}
