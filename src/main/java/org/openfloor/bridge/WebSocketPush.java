package org.openfloor.bridge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.VertxHandler;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one encoded message to many server WebSockets at the cost of a write each: the whole WebSocket frame,
 * header included, is built once ({@link #textFrame}) — a server's frames are not masked, so the bytes are the
 * same for every socket — and each socket gets a view of those bytes, written to its channel without Vert.x's
 * per-write future, without a per-socket frame encoding and without a flush. Every socket written to is flushed
 * once when the event loop's current turn ends, so pushes made in one turn leave in one system call per socket.
 * One instance per event loop; a socket of another event loop, or whose channel was found not writable (a slow
 * client), takes Vert.x's ordinary write path from then on, so its pushes stay in order behind what Vert.x
 * has queued for it.
 */
public final class WebSocketPush {
  private static final int TEXT_FINAL = 0x81;
  private static final int TWO_BYTE_LENGTH = 126;
  private static final int EIGHT_BYTE_LENGTH = 127;

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketPush.class);

  private List<Target> unflushed = new ArrayList<>();
  private final Runnable flushAll = this::flushAll;

  /** {@code socket}, as Vert.x core hands it to a server's WebSocket handler, as a push target (see below). */
  public static Target target(ServerWebSocket socket) {
    ChannelHandlerContext vertxHandler = ((WebSocketInternal) (Object) socket).channelHandlerContext();
    return new Target(socket, encoderPlace(vertxHandler.pipeline(), vertxHandler));
  }

  /**
   * {@code socket}, upgraded from a request on {@code connection} (Vert.x Web wraps such sockets), as a push
   * target. Frames already encoded are written from the WebSocket frame encoder's place in the pipeline, so
   * they pass only the handlers below it (TLS, if any): not the HTTP server's compressor and chunked writer,
   * which queue or inspect every write, nor the encoder itself.
   */
  public static Target target(ServerWebSocket socket, HttpConnection connection) {
    ChannelPipeline pipeline = ((ConnectionBase) connection).channel().pipeline();
    return new Target(socket, encoderPlace(pipeline, pipeline.context(VertxHandler.class)));
  }

  private static ChannelHandlerContext encoderPlace(ChannelPipeline pipeline, ChannelHandlerContext fallback) {
    ChannelHandlerContext encoder = pipeline.context(WebSocketFrameEncoder.class);
    return encoder != null ? encoder : fallback;
  }

  /** A final text frame carrying {@code payload}, unmasked, in a direct buffer: release it once pushed. */
  public static ByteBuf textFrame(Buffer payload) {
    int length = payload.length();
    int header = length < TWO_BYTE_LENGTH ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuf frame = ByteBufAllocator.DEFAULT.directBuffer(header + length);
    frame.writeByte(TEXT_FINAL);
    if (length < TWO_BYTE_LENGTH) {
      frame.writeByte(length);
    } else if (length <= 0xFFFF) {
      frame.writeByte(TWO_BYTE_LENGTH).writeShort(length);
    } else {
      frame.writeByte(EIGHT_BYTE_LENGTH).writeLong(length);
    }
    frame.writeBytes(((BufferInternal) payload).getByteBuf());
    return frame;
  }

  /** Writes {@code frame} (made by {@link #textFrame} from {@code payload}) to {@code target}. */
  public void write(Target target, ByteBuf frame, Buffer payload) {
    ChannelHandlerContext ctx = target.context;
    if (target.viaVertx || !ctx.executor().inEventLoop() || !ctx.channel().isWritable()) {
      target.viaVertx = true;
      viaVertx(target.socket, payload);
      return;
    }
    ctx.write(frame.retainedDuplicate(), ctx.voidPromise());
    if (!target.unflushed) {
      target.unflushed = true;
      unflushed.add(target);
      if (unflushed.size() == 1) {
        ctx.executor().execute(flushAll);
      }
    }
  }

  /** Writes {@code payload} as one text frame through Vert.x's write path, sharing its bytes (no copy). */
  static Future<Void> viaVertx(ServerWebSocket socket, Buffer payload) {
    return socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) payload).getByteBuf(),
        true));
  }

  private void flushAll() {
    List<Target> flushing = unflushed;
    unflushed = new ArrayList<>(flushing.size());
    for (Target target : flushing) {
      target.unflushed = false;
      try {
        target.context.flush();
      } catch (RuntimeException e) {
        LOG.warn("Flushing a pushed frame failed: {}", e.toString(), e);
      }
    }
  }

  /** A server WebSocket and its channel, with whether it waits for this turn's flush or takes Vert.x's path. */
  public static final class Target {
    private final ServerWebSocket socket;
    private final ChannelHandlerContext context;
    private boolean unflushed;
    private boolean viaVertx;

    private Target(ServerWebSocket socket, ChannelHandlerContext context) {
      this.socket = socket;
      this.context = context;
    }

    public ServerWebSocket socket() {
      return socket;
    }
  }
}
