package io.ieum.cli.ceiling;

import java.util.Arrays;

/**
 * The sockets of one group. Fan-out reads the member array without a lock (it is replaced, never
 * changed, on join and leave, which are rare next to frames).
 */
final class RelayGroup {

    private volatile RelayMember[] members = new RelayMember[0];

    synchronized void join(RelayMember member) {
        RelayMember[] next = Arrays.copyOf(members, members.length + 1);
        next[members.length] = member;
        members = next;
    }

    synchronized void leave(RelayMember member) {
        members = Arrays.stream(members).filter(m -> m != member).toArray(RelayMember[]::new);
    }

    RelayMember[] members() {
        return members;
    }
}
