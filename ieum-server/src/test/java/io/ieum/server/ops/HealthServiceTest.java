package io.ieum.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;

import io.ieum.core.store.Storage;
import io.ieum.server.json.Json;

class HealthServiceTest {

    @Test
    void failingStorageShouldMakeTheServerDownWith503() throws Exception {
        AggregatedHttpResponse response = check(() -> Storage.HealthStatus.failing("database: locked (expected: writable)"));
        assertThat(response.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.contentUtf8()).contains("\"status\":\"DOWN\"", "database: locked", "\"realtime\":{\"status\":\"UP\",\"detail\":\"3 connections\"}");
    }

    @Test
    void throwingProbeShouldBeReportedAsDownNotAsAnError() throws Exception {
        AggregatedHttpResponse response = check(() -> {
            throw new IllegalStateException("boom");
        });
        assertThat(response.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.contentUtf8()).contains("probe failed: IllegalStateException").doesNotContain("boom");
    }

    @Test
    void healthyStorageShouldBeUp() throws Exception {
        AggregatedHttpResponse response = check(() -> Storage.HealthStatus.ok("sqlite: 2 ms"));
        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.contentUtf8()).startsWith("{\"status\":\"UP\"");
    }

    private static AggregatedHttpResponse check(Storage.HealthProbe probe) throws Exception {
        HealthService health = new HealthService(probe, () -> 3, new Json());
        ServiceRequestContext ctx = ServiceRequestContext.of(HttpRequest.of(HttpMethod.GET, "/health"));
        return health.serve(ctx, ctx.request()).aggregate().join();
    }
}
