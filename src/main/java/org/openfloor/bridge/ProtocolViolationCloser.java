package org.openfloor.bridge;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a frame Netty's WebSocket decoder refuses (over {@code maxWebSocketFrameSize}: 1009; malformed:
 * 1002; bad UTF-8: 1007) with a close frame of that status. Vert.x builds the decoder with
 * {@code closeOnProtocolViolation(false)} and closes the channel on any exception, so without this the client
 * only sees the connection drop (1006). The output side is shut after the close frame so that the client reads
 * it before the end of the stream; the connection is closed when the client closes it, or after a grace period.
 * Installed on every HTTP/1 connection, it serves the WebSockets at {@code /ws} and SockJS's at {@code /eventbus}.
 */
@ChannelHandler.Sharable
public final class ProtocolViolationCloser extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ProtocolViolationCloser.class);
  private static final ProtocolViolationCloser INSTANCE = new ProtocolViolationCloser();
  private static final String NAME = "openfloorProtocolViolationCloser";
  private static final long GRACE_MILLIS = 2_000;

  private ProtocolViolationCloser() {
  }

  /**
   * Puts the closer in front of Vert.x's own handler of {@code connection} (there it stays when the connection
   * becomes a WebSocket). Reaching the Netty pipeline takes Vert.x's implementation class: no public API offers it.
   */
  public static void install(HttpConnection connection) {
    if (!(connection instanceof ConnectionBase base)) {
      LOG.warn("Oversized WebSocket frames will drop the connection without 1009: no Netty pipeline in {}",
          connection.getClass().getName());
      return;
    }
    ChannelHandlerContext vertxHandler = base.channelHandlerContext();
    if (vertxHandler.pipeline().get(NAME) == null) {
      vertxHandler.pipeline().addBefore(vertxHandler.name(), NAME, INSTANCE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof CorruptedWebSocketFrameException violation)) {
      ctx.fireExceptionCaught(cause);
      return;
    }
    WebSocketCloseStatus status = violation.closeStatus();
    LOG.debug("Closing a WebSocket with {}: {}", status.code(), violation.getMessage());
    ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), status.reasonText())).addListener(written -> {
      if (written.isSuccess() && ctx.channel() instanceof DuplexChannel duplex) {
        duplex.shutdownOutput();
        ctx.executor().schedule(() -> ctx.channel().close(), GRACE_MILLIS, TimeUnit.MILLISECONDS);
      } else {
        ctx.channel().close();
      }
    });
  }
}
