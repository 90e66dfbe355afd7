package org.openfloor.testing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openfloor.domain.Command;
import org.openfloor.domain.Moderation;
import org.openfloor.live.wire.CommandCodec;
import org.openfloor.edge.Tokens;
import org.openfloor.log.CommandLog;

/**
 * Appends a large session straight into a {@link CommandLog}, as the server would have logged it:
 * the session, participants joining, each asking one question, then every participant upvoting
 * every question. Call on a Vert.x context.
 */
public final class LargeSessionLog {
  private static final int WINDOW = 2_000;

  private final CommandLog log;
  private final String code;
  private final int participants;
  private final int questions;
  private final List<String> tokenHashes = new ArrayList<>();

  public LargeSessionLog(CommandLog log, String code, int participants, int questions) {
    this.log = log;
    this.code = code;
    this.participants = participants;
    this.questions = questions;
    for (int p = 0; p < participants; p++) {
      tokenHashes.add(Tokens.hash("t" + p));
    }
  }

  /** How many entries {@link #append} writes. */
  public long size() {
    return 1L + participants + questions + (long) participants * questions;
  }

  /** Appends the whole session; completes with the seq of its last entry. */
  public Future<Long> append() {
    return appendFrom(0);
  }

  private Future<Long> appendFrom(long index) {
    List<Future<?>> window = new ArrayList<>();
    for (long i = index; i < Math.min(size(), index + WINDOW); i++) {
      window.add(log.append(code, payload(i)));
    }
    long next = index + window.size();
    return Future.all(window).compose(done -> next < size() ? appendFrom(next) : Future.succeededFuture(size()));
  }

  private String payload(long index) {
    if (index == 0) {
      return envelope(new Command.CreateSession("Large", Tokens.hash("moderator"), Moderation.POST), null, null);
    }
    if (index <= participants) {
      int p = (int) index - 1;
      return envelope(new Command.Join(tokenHashes.get(p), Optional.of("Person " + p), Optional.of("Org " + p % 50),
          Optional.empty(), Optional.empty()), null, "join-" + p);
    }
    if (index <= participants + questions) {
      int q = (int) (index - participants - 1);
      return envelope(new Command.Ask("Question " + q + " from the floor?", false, Optional.empty()),
          tokenHashes.get(q), "ask-" + q);
    }
    long vote = index - participants - questions - 1;
    long questionSeq = 1 + participants + 1 + vote / participants;
    return envelope(new Command.Vote("q" + questionSeq, true), tokenHashes.get((int) (vote % participants)), null);
  }

  private static String envelope(Command command, String tokenHash, String requestId) {
    return new JsonObject().put("t", CommandCodec.typeOf(command)).put("h", tokenHash).put("r", requestId)
        .put("c", CommandCodec.toJson(command)).encode();
  }
}
