package io.ieum.core.channel;

/** How the customer gets the order: collected at the shop, or delivered to an address. */
public enum Fulfilment {
    PICKUP,
    DELIVERY
}
