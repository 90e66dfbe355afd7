package org.openfloor.testing;

import io.vertx.core.json.JsonObject;

/** Event-bus bridge messages as clients send them. */
public final class BridgeMessages {
  private BridgeMessages() {
  }

  /** {@code send} of {@code body} to {@code openfloor.cmd}, with the token (if any) in the headers. */
  public static JsonObject send(JsonObject body, String token, String replyAddress) {
    JsonObject message = new JsonObject().put("type", "send").put("address", "openfloor.cmd").put("body", body)
        .put("replyAddress", replyAddress);
    if (token != null) {
      message.put("headers", new JsonObject().put("authorization", "Bearer " + token));
    }
    return message;
  }
}
