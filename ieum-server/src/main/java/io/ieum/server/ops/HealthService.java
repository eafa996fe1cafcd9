package io.ieum.server.ops;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

import io.ieum.core.store.Storage;
import io.ieum.server.json.Json;

/** {@code GET /health}: one status per component; 503 as soon as one is down. Never throws. */
public final class HealthService implements HttpService {

    record Component(String status, String detail) {}

    record Health(String status, Map<String, Component> components) {}

    private final Storage.HealthProbe storage;
    private final IntSupplier realtimeConnections;
    private final Json json;
    @Nullable
    private final Supplier<String> cluster;

    public HealthService(Storage.HealthProbe storage, IntSupplier realtimeConnections, Json json) {
        this(storage, realtimeConnections, null, json);
    }

    /**
     * @param cluster what this node sees of its peers, or {@code null} without peers. Always UP: a peer
     *                being down is not this node's failure (its clients move here and sync).
     */
    public HealthService(Storage.HealthProbe storage, IntSupplier realtimeConnections, @Nullable Supplier<String> cluster,
                         Json json) {
        this.cluster = cluster;
        this.storage = requireNonNull(storage, "storage");
        this.realtimeConnections = requireNonNull(realtimeConnections, "realtimeConnections");
        this.json = requireNonNull(json, "json");
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        return HttpResponse.of(CompletableFuture.supplyAsync(this::check, ctx.blockingTaskExecutor()));
    }

    private HttpResponse check() {
        Map<String, Component> components = new LinkedHashMap<>();
        components.put("storage", storage());
        components.put("realtime", new Component("UP", realtimeConnections.getAsInt() + " connections"));
        if (cluster != null) {
            components.put("cluster", new Component("UP", cluster.get()));
        }
        boolean up = components.values().stream().allMatch(c -> c.status().equals("UP"));
        return HttpResponse.of(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, MediaType.JSON_UTF_8,
                json.write(new Health(up ? "UP" : "DOWN", components)));
    }

    private Component storage() {
        try {
            Storage.HealthStatus status = storage.check();
            return new Component(status.healthy() ? "UP" : "DOWN", status.detail());
        } catch (RuntimeException e) {
            return new Component("DOWN", "probe failed: " + e.getClass().getSimpleName());
        }
    }
}
