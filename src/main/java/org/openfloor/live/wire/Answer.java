package org.openfloor.live.wire;

import io.vertx.core.json.JsonObject;

/** What a sender is told about their command: the entry's seq, an HTTP-style status and a body. */
public record Answer(long seq, int status, JsonObject body) {

  public boolean succeeded() {
    return status < 300;
  }

  public Answer with(JsonObject extra) {
    return new Answer(seq, status, body.copy().mergeIn(extra));
  }
}
