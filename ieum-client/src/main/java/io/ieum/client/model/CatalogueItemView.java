package io.ieum.client.model;

import java.util.List;

/** A product ({@code kind} PRODUCT) or a bookable service ({@code kind} SERVICE, with its duration). */
public record CatalogueItemView(String id, String kind, String name, long price, List<String> options,
                                int durationMinutes, boolean available) {

    public CatalogueItemView {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
