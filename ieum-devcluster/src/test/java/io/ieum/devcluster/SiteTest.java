package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteTest {

    @Test
    void threeSitesShouldMapToThreeDatacentersWithSiteOneAsSeed() {
        assertThat(Site.all()).extracting(Site::datacenter).containsExactly("dc1", "dc2", "dc3");
        assertThat(Site.all()).filteredOn(Site::isSeed).containsExactly(Site.seed());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, -1})
    void siteNumberOutsideOneToThreeShouldBeRejected(int number) {
        assertThatThrownBy(() -> Site.of(number))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("site: " + number + " (expected: 1..3)");
    }
}
