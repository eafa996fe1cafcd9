package io.ieum.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ClosedSessionException;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.stream.ClosedStreamException;
import com.linecorp.armeria.server.RequestTimeoutException;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.service.RetryLaterException;
import io.ieum.core.store.StorageBusyException;
import io.ieum.server.json.Json;

class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper(new ErrorMessages(), new Json());
    private final RequestHeaders korean = RequestHeaders.builder(HttpMethod.GET, "/api/x").set("accept-language", "ko").build();
    private final RequestHeaders english = RequestHeaders.of(HttpMethod.GET, "/api/x");

    @Test
    void storageBusyShouldBe503BusyWithRetryAfterOneSecond() {
        AggregatedHttpResponse response = mapper.toResponse(english, new java.util.concurrent.CompletionException(
                new StorageBusyException("writes: 100000 pending (expected: fewer)")));
        assertThat(response.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.headers().get("retry-after")).isEqualTo("1");
        assertThat(response.contentUtf8()).contains("\"error\":\"busy\"", "100000 pending");
    }

    @Test
    void requestTimeoutShouldBe503BusyNot500() {
        AggregatedHttpResponse response = mapper.toResponse(english, RequestTimeoutException.get());
        assertThat(response.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.headers().get("retry-after")).isEqualTo("1");
        assertThat(response.contentUtf8()).contains("\"error\":\"busy\"", "not answered in time");
    }

    @Test
    void retryLaterShouldCarryItsCodeAndRetryAfterRoundedUp() {
        AggregatedHttpResponse response = mapper.toResponse(korean,
                new RetryLaterException(ErrorCode.TOO_MANY_ATTEMPTS, "login: wait", Duration.ofMillis(2500)));
        assertThat(response.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.headers().get("retry-after")).isEqualTo("3");
        assertThat(response.contentUtf8()).contains("시도 횟수가 너무 많습니다");
    }

    @Test
    void aConnectionClosedByTheOtherSideShouldNotBeAnInternalError() {
        AggregatedHttpResponse session = mapper.toResponse(english, ClosedSessionException.get());
        AggregatedHttpResponse stream = mapper.toResponse(english, ClosedStreamException.get());
        assertThat(session.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(stream.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(session.contentUtf8()).contains("closed before the response").doesNotContain("\"internal\"");
    }

    @Test
    void unexpectedFailureShouldBeAGeneric500WithoutTheCause() {
        AggregatedHttpResponse response = mapper.toResponse(english, new IllegalStateException("secret internals"));
        assertThat(response.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.contentUtf8()).contains("\"error\":\"internal\"", "Internal error: reference ")
                .doesNotContain("secret", "IllegalStateException", "at io.");
    }

    @Test
    void localeShouldBeKoreanOnlyWhenPreferred() {
        assertThat(ErrorMapper.locale(korean).getLanguage()).isEqualTo("ko");
        assertThat(ErrorMapper.locale(english).getLanguage()).isEqualTo("en");
        assertThat(ErrorMapper.locale(RequestHeaders.builder(HttpMethod.GET, "/").set("accept-language", "en;q=0.9, ko").build())
                .getLanguage()).isEqualTo("ko");
        assertThat(ErrorMapper.locale(RequestHeaders.builder(HttpMethod.GET, "/").set("accept-language", ";;garbage").build())
                .getLanguage()).isEqualTo("en");
    }
}
