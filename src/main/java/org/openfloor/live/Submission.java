package org.openfloor.live;

import io.vertx.core.json.JsonObject;

import org.openfloor.domain.Command;

/**
 * A command on its way into a session's log: who sent it (token hash, may be null), the optional
 * request id that makes a retry a no-op, and what to add to a successful answer that only the
 * edge knows (a token it just made; kept in memory, never in the log).
 */
public record Submission(Command command, String tokenHash, String requestId, JsonObject answerExtra) {

  public Submission(Command command, String tokenHash, String requestId) {
    this(command, tokenHash, requestId, new JsonObject());
  }
}
