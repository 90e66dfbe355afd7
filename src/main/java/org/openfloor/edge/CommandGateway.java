package org.openfloor.edge;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import org.openfloor.domain.Command;
import org.openfloor.live.SessionHub;
import org.openfloor.live.SessionRegistry;
import org.openfloor.live.Submission;
import org.openfloor.live.wire.Answer;
import org.openfloor.live.wire.BadInput;
import org.openfloor.live.wire.CommandCodec;

/**
 * The one way in for commands from either edge: decodes the body strictly, makes the secrets that
 * must be made outside the domain (tokens), and submits to the session's hub.
 */
public final class CommandGateway {
  private static final String REQUEST_ID = "requestId";
  private static final int MAX_REQUEST_ID = 100;

  private final SessionRegistry registry;
  private final CommandCounts counts;
  private java.util.List<String> serverBlockedWords = java.util.List.of();

  /** Counts the commands it submits into {@code meters} ({@code openfloor.commands}). */
  public CommandGateway(SessionRegistry registry, MeterRegistry meters) {
    this.registry = registry;
    this.counts = new CommandCounts(meters);
  }

  /** Carries {@code words} (the server-wide blocked words) into every session created from now on. */
  public CommandGateway withServerBlockedWords(java.util.List<String> words) {
    this.serverBlockedWords = java.util.List.copyOf(words);
    return this;
  }

  public SessionRegistry registry() {
    return registry;
  }

  /**
   * Decodes a command of {@code type} from {@code fields} (which it consumes: the request id is taken out) and
   * submits it to {@code hub}, sent with {@code tokenHash}.
   */
  public Future<Answer> submit(SessionHub hub, String type, JsonObject fields, String tokenHash) {
    try {
      String requestId = takeRequestId(fields);
      Submission submission = submissionOf(type, fields, tokenHash, requestId);
      return hub.submit(submission).andThen(ar -> count(type, ar));
    } catch (BadInput e) {
      counts.count(type, "failed");
      return Future.failedFuture(e);
    }
  }

  private void count(String type, io.vertx.core.AsyncResult<Answer> result) {
    counts.count(type, result.failed() ? "failed" : result.result().succeeded() ? "accepted" : "rejected");
  }

  /** Creates a session under a fresh code; the answer carries the moderator token, shown only here. */
  public Future<Answer> create(JsonObject body) {
    try {
      String token = Tokens.next();
      Command.CreateSession command =
          ((Command.CreateSession) CommandCodec.fromRequest(CommandCodec.CREATE_SESSION, body, Tokens.hash(token)))
              .withServerBlockedWords(serverBlockedWords);
      return registry.create(command)
          .map(created -> created.answer().succeeded()
              ? created.answer().with(new JsonObject().put("moderatorToken", token))
              : created.answer());
    } catch (BadInput e) {
      return Future.failedFuture(e);
    }
  }

  private static Submission submissionOf(String type, JsonObject fields, String tokenHash, String requestId) {
    if (CommandCodec.JOIN.equals(type)) {
      String token = Tokens.next();
      Command command = CommandCodec.fromRequest(type, fields, Tokens.hash(token));
      return new Submission(command, tokenHash, requestId, new JsonObject().put("token", token));
    }
    if (CommandCodec.GROUP_CREATE.equals(type)) {
      String token = Tokens.next();
      Command command = CommandCodec.fromRequest(type, fields, Tokens.hash(token));
      return new Submission(command, tokenHash, requestId, new JsonObject().put("facilitatorToken", token));
    }
    if (CommandCodec.CREATE_SESSION.equals(type)) {
      throw new BadInput("sessions are created with POST /api/sessions");
    }
    return new Submission(CommandCodec.fromRequest(type, fields, null), tokenHash, requestId);
  }

  private static String takeRequestId(JsonObject fields) {
    Object value = fields.remove(REQUEST_ID);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String id) || id.isEmpty() || id.length() > MAX_REQUEST_ID) {
      throw new BadInput("requestId must be a string of 1 to " + MAX_REQUEST_ID + " characters");
    }
    return id;
  }
}
