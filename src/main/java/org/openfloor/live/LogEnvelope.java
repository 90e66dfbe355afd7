package org.openfloor.live;

import io.vertx.core.json.JsonObject;

import org.openfloor.domain.Command;
import org.openfloor.live.wire.CommandCodec;

/** The payload of a log entry: the command with its type, sender's token hash and request id. */
record LogEnvelope(Command command, String tokenHash, String requestId) {

  static LogEnvelope of(Submission submission) {
    return new LogEnvelope(submission.command(), submission.tokenHash(), submission.requestId());
  }

  String encode() {
    return new JsonObject().put("t", CommandCodec.typeOf(command)).put("h", tokenHash).put("r", requestId)
        .put("c", CommandCodec.toJson(command)).encode();
  }

  static LogEnvelope decode(String payload) {
    JsonObject json = new JsonObject(payload);
    Command command = CommandCodec.fromLog(json.getString("t"), json.getJsonObject("c"));
    return new LogEnvelope(command, json.getString("h"), json.getString("r"));
  }

  String requestKey() {
    return requestId == null ? null : tokenHash + "|" + requestId;
  }
}
