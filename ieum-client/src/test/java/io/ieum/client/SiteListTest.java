package io.ieum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class SiteListTest {

    private static final URI A = URI.create("http://127.0.0.1:1");
    private static final URI B = URI.create("http://127.0.0.2:1");
    private static final URI C = URI.create("http://127.0.0.3:1");

    @Test
    void failingOverShouldMoveRoundTheList() {
        SiteList sites = new SiteList(List.of(A, B, C));

        assertThat(sites.current()).isEqualTo(A);
        assertThat(sites.failedOver(A)).isEqualTo(B);
        assertThat(sites.failedOver(B)).isEqualTo(C);
        assertThat(sites.failedOver(C)).isEqualTo(A);
    }

    @Test
    void secondReportOfTheSameFailedSiteShouldNotSkipTheNextSite() {
        SiteList sites = new SiteList(List.of(A, B, C));

        sites.failedOver(A);
        sites.failedOver(A);

        assertThat(sites.current()).isEqualTo(B);
    }

    @Test
    void emptyListShouldBeRejected() {
        assertThatThrownBy(() -> new SiteList(List.of()))
                .hasMessage("sites: [] (expected: at least one server URI)");
    }
}
