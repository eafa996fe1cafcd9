package io.ieum.cli.ceiling;

import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * One relay socket. Its first text frame is its group's number, which is echoed back to it once
 * it has joined (so a load generator knows when to start); every later text frame goes, unchanged,
 * to every socket of the group, the sender included, as one encoded frame shared by all of them.
 */
final class RelayHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private final Map<Integer, RelayGroup> groups;
    private final Map<EventLoop, LoopBatch> batches;
    private RelayGroup group;
    private RelayMember self;

    RelayHandler(Map<Integer, RelayGroup> groups, Map<EventLoop, LoopBatch> batches) {
        this.groups = groups;
        this.batches = batches;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        if (group == null) {
            join(ctx, frame);
            return;
        }
        ByteBuf encoded = ServerFrame.encode(ctx.alloc(), frame.content());
        for (RelayMember member : group.members()) {
            member.batch.write(member, encoded.retainedDuplicate());
        }
        encoded.release();
    }

    private void join(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        int number = Integer.parseInt(frame.text().trim());
        group = groups.computeIfAbsent(number, n -> new RelayGroup());
        self = new RelayMember(ctx.channel(), batches.computeIfAbsent(ctx.channel().eventLoop(), LoopBatch::new));
        group.join(self);
        ctx.writeAndFlush(ServerFrame.encode(ctx.alloc(), frame.content()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (group != null) {
            group.leave(self);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a bad group number or a reset socket: this harness just drops the socket
    }
}
