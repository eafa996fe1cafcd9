package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;

/**
 * Whether this site's Cassandra has caught up since it was last away (ADR 0009): its nodes are up,
 * and no node of another site still holds hints for them — the writes the site missed while it was
 * down or cut off have been replayed to it. Until then the server reports itself not ready. Once
 * caught up it stays so until a node of this site is seen down again.
 */
final class RejoinGate {

    private static final Logger log = LoggerFactory.getLogger(RejoinGate.class);
    static final String PENDING_HINTS = "SELECT host_id, files FROM system_views.pending_hints";
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(2);

    private final CqlSession session;
    private final String localDatacenter;
    private volatile boolean caughtUp;

    RejoinGate(CqlSession session, String localDatacenter) {
        this.session = requireNonNull(session, "session");
        this.localDatacenter = requireNonNull(localDatacenter, "localDatacenter");
    }

    /** Why this site is not caught up yet, or empty if it is. Never throws. */
    Optional<String> behind() {
        try {
            Collection<Node> nodes = session.getMetadata().getNodes().values();
            List<Node> local = nodes.stream().filter(n -> localDatacenter.equals(n.getDatacenter())).toList();
            Optional<Node> localDown = local.stream().filter(n -> n.getState() != NodeState.UP).findFirst();
            if (local.isEmpty() || localDown.isPresent()) {
                if (caughtUp) {
                    log.warn("Cassandra of this site ({}) went away; it must catch up again before this site is ready",
                            localDatacenter);
                }
                caughtUp = false;
                return Optional.of("this site's Cassandra node " + localDown.map(RejoinGate::name).orElse("(none known)")
                        + " is not up");
            }
            if (caughtUp) {
                return Optional.empty();
            }
            Set<UUID> ours = new HashSet<>();
            local.stream().map(Node::getHostId).filter(Objects::nonNull).forEach(ours::add);
            for (Node other : nodes) {
                if (local.contains(other) || other.getState() != NodeState.UP) {
                    continue;
                }
                for (Row row : session.execute(SimpleStatement.newInstance(PENDING_HINTS).setNode(other)
                        .setConsistencyLevel(ConsistencyLevel.ONE).setTimeout(ASK_TIMEOUT))) {
                    if (ours.contains(row.getUuid("host_id")) && row.getInt("files") > 0) {
                        return Optional.of(name(other) + " still holds " + row.getInt("files")
                                + " hint file(s) for this site (expected: replayed before this site is ready)");
                    }
                }
            }
            caughtUp = true;
            log.info("Cassandra of this site ({}) has caught up: no hints pending for it on the other sites", localDatacenter);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("cannot tell whether this site caught up: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String name(Node node) {
        return node.getDatacenter() + "/" + node.getEndPoint();
    }
}
