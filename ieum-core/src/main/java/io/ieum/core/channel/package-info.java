/**
 * Business channels: the values of shops (channel, staff, catalogue), of what customers do with them
 * (orders, bookings, follows, conversations) and of what shops tell them (announcements).
 * Constructors validate and name the offending field; storage keeps these values through the ports
 * {@link io.ieum.core.store.ChannelStore}, {@link io.ieum.core.store.OrderStore} and
 * {@link io.ieum.core.store.BookingStore}, whose package documents the data model.
 */
package io.ieum.core.channel;
