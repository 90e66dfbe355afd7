package org.openfloor.bridge;

/**
 * Bounds on what one bridge socket may send and hold: the size of a bridge message, the number of
 * registrations, and how many rate-limit refusals it may collect within {@link #REFUSAL_WINDOW_SECONDS}
 * before it is closed as ignoring them ({@code 0}: never).
 */
public record BridgeLimits(int maxFrameBytes, int maxHandlersPerSocket, int maxRefusalsPerSocket) {
  public static final int REFUSAL_WINDOW_SECONDS = 10;

  /** SockJS framing and JSON escaping make a transport frame larger than the bridge message it carries. */
  private static final int TRANSPORT_HEADROOM = 4;

  /** The WebSocket frame and message limit: a bridge message of {@code maxFrameBytes}, framed and escaped. */
  public int webSocketBytes() {
    return maxFrameBytes * TRANSPORT_HEADROOM;
  }
}
