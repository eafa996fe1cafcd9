package io.ieum.cli.bench;

import java.util.OptionalLong;

import io.ieum.client.IeumClient;
import io.ieum.client.IeumClientException;

/** Reads the server's used heap from {@code /metrics} (Prometheus {@code jvm_memory_used_bytes{area="heap"}}). */
final class ServerHeap {

    private ServerHeap() {}

    static OptionalLong usedBytes(IeumClient client) {
        String text;
        try {
            text = client.metrics();
        } catch (IeumClientException e) {
            return OptionalLong.empty();
        }
        return parse(text);
    }

    static OptionalLong parse(String prometheusText) {
        long sum = 0;
        boolean found = false;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                sum += (long) Double.parseDouble(value);
                found = true;
            }
        }
        return found ? OptionalLong.of(sum) : OptionalLong.empty();
    }
}
