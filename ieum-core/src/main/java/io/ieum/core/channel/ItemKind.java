package io.ieum.core.channel;

/** A product is ordered (with quantities and options); a service is booked into a calendar slot. */
public enum ItemKind {
    PRODUCT,
    SERVICE
}
