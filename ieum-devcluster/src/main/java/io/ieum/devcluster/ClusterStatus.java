package io.ieum.devcluster;

import java.util.List;
import java.util.stream.Collectors;

/** The status of every site's node. */
public record ClusterStatus(List<NodeStatus> nodes) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
    }

    public NodeStatus node(Site site) {
        return nodes.stream().filter(n -> n.site().equals(site)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("site: " + site + " (expected: one of " + nodes + ")"));
    }

    public boolean allHealthy() {
        return nodes.stream().allMatch(NodeStatus::healthy);
    }

    public String describe() {
        return nodes.stream().map(NodeStatus::describe).collect(Collectors.joining("\n"));
    }
}
