package io.ieum.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "NEW, ACCEPTED, true", "NEW, REJECTED, true", "NEW, CANCELLED, true", "NEW, IN_PROGRESS, false",
            "NEW, COMPLETED, false", "ACCEPTED, IN_PROGRESS, true", "ACCEPTED, REJECTED, false", "ACCEPTED, CANCELLED, true",
            "IN_PROGRESS, READY, true", "IN_PROGRESS, SHIPPED, true", "IN_PROGRESS, CANCELLED, true",
            "READY, COMPLETED, true", "SHIPPED, COMPLETED, true", "READY, CANCELLED, false", "SHIPPED, READY, false",
            "COMPLETED, CANCELLED, false", "REJECTED, ACCEPTED, false", "CANCELLED, NEW, false", "ACCEPTED, ACCEPTED, false"})
    void onlyTheAllowedMovesShouldBeAllowed(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }
}
