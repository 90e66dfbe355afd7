package org.openfloor.live;

import java.util.List;

import org.openfloor.domain.Entry;
import org.openfloor.domain.Event;
import org.openfloor.domain.Outcome;
import org.openfloor.domain.Session;
import org.openfloor.log.LogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openfloor.live.wire.Answer;
import org.openfloor.live.wire.Errors;
import org.openfloor.live.wire.Replies;

/** What applying one log entry to a session gave: the request key it carried, its answer (or null) and its events. */
record Applied(String requestKey, Answer answer, List<Event> events) {
  private static final Logger LOG = LoggerFactory.getLogger(Applied.class);

  /**
   * Applies {@code logEntry} as every node does: a repeated request id gets the recorded answer and
   * changes nothing. The answer is built for entries with a request id, and for all if {@code answerEvery}.
   */
  static Applied apply(LogEntry logEntry, Session session, RequestLedger requests, boolean answerEvery) {
    LogEnvelope envelope;
    try {
      envelope = LogEnvelope.decode(logEntry.payload());
    } catch (RuntimeException e) {
      LOG.error("Unreadable entry {} of session {}: {}", logEntry.seq(), session.code(), e.toString());
      return new Applied(null, new Answer(logEntry.seq(), 500, Errors.body(500, "unreadable entry")), List.of());
    }
    String key = envelope.requestKey();
    if (key != null && requests.knows(key)) {
      return new Applied(key, requests.recorded(key), List.of());
    }
    Entry entry = new Entry(logEntry.seq(), logEntry.timestamp(), envelope.tokenHash(), envelope.command());
    Outcome outcome = session.apply(entry);
    List<Event> events = outcome instanceof Outcome.Accepted accepted ? accepted.events() : List.of();
    if (!answerEvery && key == null) {
      return new Applied(null, null, events);
    }
    return new Applied(key, answerOf(envelope, outcome, logEntry.seq(), session), events);
  }

  private static Answer answerOf(LogEnvelope envelope, Outcome outcome, long seq, Session session) {
    if (outcome instanceof Outcome.Accepted accepted) {
      return Replies.accepted(envelope.command(), accepted.value(), seq, session);
    }
    return Errors.answer(((Outcome.Rejected) outcome).rejection(), seq);
  }
}
