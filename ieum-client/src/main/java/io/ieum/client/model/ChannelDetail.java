package io.ieum.client.model;

import java.util.List;

/** A channel as the caller sees it: {@code role} is OWNER, STAFF or null (a customer). */
public record ChannelDetail(ChannelView channel, List<CatalogueItemView> catalogue, String role, boolean following) {

    public ChannelDetail {
        catalogue = catalogue == null ? List.of() : List.copyOf(catalogue);
    }
}
