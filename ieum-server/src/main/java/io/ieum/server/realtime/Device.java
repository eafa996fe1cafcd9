package io.ieum.server.realtime;

import com.linecorp.armeria.common.websocket.WebSocketFrame;

import io.ieum.core.id.UserId;

/** One authenticated socket of a user, as {@link Delivery} sees it. */
interface Device {

    UserId userId();

    /** Queues an encoded frame shared by all recipients; never blocks. */
    Outbound.Result push(WebSocketFrame frame);
}
