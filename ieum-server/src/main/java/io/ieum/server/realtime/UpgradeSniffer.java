package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * The first handler of every connection on the HTTP port. It looks at the first bytes only: a
 * request line {@code GET <path>} (the path exactly, optionally with a query; {@code /ws} for
 * clients, {@code /internal/events} for peer nodes) takes the connection out of Armeria and gives it
 * to {@code takeOver}; anything else (other paths, other methods, the HTTP/2 preface) makes it step
 * aside, handing the bytes unchanged to the next handler — another sniffer, or Armeria.
 *
 * <p>Armeria's pipeline (HttpServerPipelineConfigurator, 1.34.1) is, in order: a flush
 * consolidator, a read suppressor, the traffic logger, its HTTP/1-or-2 detector and its server
 * handler. The detector starts a keep-alive timer when added (it would close an idle WebSocket
 * after the HTTP idle timeout) and stops it only on {@code channelInactive}: so a taken-over
 * connection first tells Armeria's handlers it is over for them, then removes them.
 */
public final class UpgradeSniffer extends ByteToMessageDecoder {

    private final byte[] requestLine;
    private final Consumer<ChannelPipeline> takeOver;

    /**
     * @param path     the path to take, e.g. {@code /ws}
     * @param takeOver puts Ieum's handlers at the end of a pipeline emptied of Armeria's
     */
    public UpgradeSniffer(String path, Consumer<ChannelPipeline> takeOver) {
        this.requestLine = ("GET " + requireNonNull(path, "path")).getBytes(StandardCharsets.US_ASCII);
        this.takeOver = requireNonNull(takeOver, "takeOver");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        Boolean webSocket = matches(requestLine, in);
        if (webSocket == null) {
            return; // wait for more bytes
        }
        ChannelPipeline p = ctx.pipeline();
        if (webSocket) {
            ctx.fireChannelInactive(); // Armeria's handlers let go of their timers and state
            for (Map.Entry<String, ChannelHandler> handler : p.toMap().entrySet()) { // other sniffers too
                if (handler.getValue() != this) {
                    p.remove(handler.getKey());
                }
            }
            takeOver.accept(p);
        }
        p.remove(this); // the bytes read so far go to whoever follows
    }

    /** True for {@code requestLine} followed by a space or {@code ?}, false once anything else is certain, null if unsure yet. */
    static Boolean matches(byte[] requestLine, ByteBuf in) {
        int start = in.readerIndex();
        int available = in.readableBytes();
        for (int i = 0; i <= requestLine.length; i++) {
            if (i == available) {
                return null;
            }
            byte b = in.getByte(start + i);
            boolean matches = i < requestLine.length ? b == requestLine[i] : b == ' ' || b == '?';
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
