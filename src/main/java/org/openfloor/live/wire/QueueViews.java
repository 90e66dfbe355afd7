package org.openfloor.live.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

import org.openfloor.domain.Balance;
import org.openfloor.domain.MicQueue;
import org.openfloor.domain.Participant;
import org.openfloor.domain.QueueEntry;
import org.openfloor.domain.QueueStanding;
import org.openfloor.domain.Session;
import org.openfloor.domain.Speaker;
import org.openfloor.domain.Speech;
import org.openfloor.domain.Stakeholder;

/** The JSON shapes of the mic queue: the queue, its entries, the speaking log, the balance, one's own standing. */
public final class QueueViews {
  private QueueViews() {
  }

  /** {@code {open, speakingSeconds, firstTimeFirst, current, waiting, pendingOrders, log, balance}}. */
  public static JsonObject queue(Session session) {
    MicQueue queue = session.queue();
    JsonArray waiting = new JsonArray();
    List<QueueEntry> entries = queue.waiting();
    for (int i = 0; i < entries.size(); i++) {
      waiting.add(entry(entries.get(i), Optional.of(i + 1), session));
    }
    JsonArray pending = new JsonArray();
    queue.pendingOrders().forEach(e -> pending.add(entry(e, Optional.empty(), session)));
    JsonArray log = new JsonArray();
    queue.log().forEach(speech -> log.add(speech(speech)));
    return new JsonObject().put("open", queue.open()).put("speakingSeconds", queue.speakingSeconds())
        .put("firstTimeFirst", queue.firstTimeFirst())
        .put("current", queue.current().map(s -> speaker(s, session)).orElse(null))
        .put("waiting", waiting).put("pendingOrders", pending).put("log", log).put("balance", balance(queue.balance()));
  }

  /** The answer to a request for the floor: the entry with its place in line. */
  public static JsonObject requested(QueueEntry entry, Session session) {
    return entry(entry, session.queue().standingOf(entry.participantId()).position(), session);
  }

  /** {@code {entry, position, next, speaking, pending}}: what one participant's phone shows. */
  public static JsonObject standing(QueueStanding standing, Session session) {
    return new JsonObject()
        .put("entry", standing.entry().map(e -> entry(e, standing.position(), session)).orElse(null))
        .put("position", standing.position().orElse(null)).put("next", standing.next())
        .put("speaking", standing.speaking()).put("pending", standing.pending());
  }

  static JsonObject entry(QueueEntry e, Optional<Integer> position, Session session) {
    Optional<Participant> who = session.participant(e.participantId());
    MicQueue queue = session.queue();
    JsonObject json = new JsonObject().put("id", e.id()).put("participantId", e.participantId())
        .put("name", who.flatMap(Participant::name).orElse(null))
        .put("affiliation", who.flatMap(Participant::affiliation).orElse(null))
        .put("stakeholder", who.flatMap(Participant::stakeholder).map(Stakeholder::wire).orElse(null))
        .put("kind", e.kind().wire()).put("topic", e.topic().orElse(null)).put("remote", e.remote())
        .put("position", position.orElse(null)).put("contributions", queue.contributionsOf(e.participantId()))
        .put("firstTime", queue.isFirstTime(e.participantId())).put("requestedAt", e.requestedAt())
        .put("limitSeconds", e.limitSeconds().orElse(queue.speakingSeconds()))
        .put("pending", position.isEmpty());
    session.breakouts().find(e.participantId()).ifPresent(group -> json.put("briefing", true)
        .put("groupId", group.id()).put("groupName", group.name()).put("name", group.facilitatorName().orElse(null)));
    return json;
  }

  private static JsonObject speaker(Speaker s, Session session) {
    return entry(s.entry(), Optional.of(0), session).put("startedAt", s.startedAt()).put("limitSeconds", s.limitSeconds())
        .put("pausedMs", s.pausedMs()).put("pausedAt", s.pausedAt().orElse(null))
        .put("state", s.isPaused() ? "paused" : "running");
  }

  private static JsonObject speech(Speech s) {
    return new JsonObject().put("entryId", s.entryId()).put("participantId", s.participantId())
        .put("name", s.name().orElse(null)).put("affiliation", s.affiliation().orElse(null))
        .put("stakeholder", s.stakeholder().map(Stakeholder::wire).orElse(null)).put("kind", s.kind().wire())
        .put("topic", s.topic().orElse(null)).put("remote", s.remote()).put("startedAt", s.startedAt())
        .put("durationMs", s.durationMs());
  }

  private static JsonObject balance(Balance balance) {
    JsonObject byStakeholder = new JsonObject();
    balance.byStakeholder().forEach((stakeholder, tally) -> byStakeholder.put(stakeholder.wire(), tally(tally)));
    byStakeholder.put("unspecified", tally(balance.unspecified()));
    return new JsonObject().put("byStakeholder", byStakeholder)
        .put("byPresence", new JsonObject().put("room", tally(balance.room())).put("remote", tally(balance.remote())))
        .put("total", tally(balance.total()));
  }

  private static JsonObject tally(Balance.Tally tally) {
    return new JsonObject().put("speakers", tally.speakers()).put("turns", tally.turns())
        .put("durationMs", tally.durationMs());
  }
}
