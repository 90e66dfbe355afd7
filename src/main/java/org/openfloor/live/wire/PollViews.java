package org.openfloor.live.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

import org.openfloor.domain.Participant;
import org.openfloor.domain.Poll;
import org.openfloor.domain.PollDefinition;
import org.openfloor.domain.PollKind;
import org.openfloor.domain.PollOption;
import org.openfloor.domain.PollVote;
import org.openfloor.domain.Session;
import org.openfloor.domain.WordCount;

/**
 * The JSON shape of a poll for the moderators (results always, hidden words flagged) or for
 * everyone else (results only when the poll shows them, hidden words left out).
 */
public final class PollViews {
  private PollViews() {
  }

  static JsonObject poll(Poll poll, boolean moderator) {
    PollDefinition definition = poll.definition();
    boolean withResults = moderator || poll.resultsPublic();
    JsonObject json = new JsonObject().put("id", poll.id()).put("question", definition.question())
        .put("kind", definition.kind().wire()).put("state", poll.state().wire())
        .put("showResults", definition.showResults().wire()).put("resultsHidden", !withResults)
        .put("options", options(poll, withResults));
    if (definition.kind() == PollKind.MULTI) {
      json.put("maxChoices", definition.choiceLimit());
    }
    if (definition.kind() == PollKind.RATING) {
      json.put("scale", definition.scaleOrDefault());
    }
    return withResults ? withResults(json, poll, moderator) : json;
  }

  private static JsonArray options(Poll poll, boolean withResults) {
    JsonArray options = new JsonArray();
    List<PollOption> list = poll.definition().options();
    for (int i = 0; i < list.size(); i++) {
      JsonObject option = new JsonObject().put("id", list.get(i).id()).put("label", list.get(i).label());
      options.add(withResults ? option.put("count", poll.count(i)) : option);
    }
    return options;
  }

  private static JsonObject withResults(JsonObject json, Poll poll, boolean moderator) {
    json.put("total", poll.total());
    PollKind kind = poll.definition().kind();
    if (kind == PollKind.RATING) {
      json.put("distribution", new JsonArray(poll.distribution())).put("average", poll.average().orElse(null));
    }
    if (kind == PollKind.WORDS) {
      json.put("words", words(poll, moderator));
    }
    return json;
  }

  private static JsonArray words(Poll poll, boolean moderator) {
    JsonArray words = new JsonArray();
    for (WordCount word : poll.words()) {
      if (moderator) {
        words.add(new JsonObject().put("text", word.text()).put("count", word.count()).put("hidden", word.hidden()));
      } else if (!word.hidden()) {
        words.add(new JsonObject().put("text", word.text()).put("count", word.count()));
      }
    }
    return words;
  }

  /** The polls of a session as the moderators, or as everyone else, may see them. */
  static JsonArray polls(Session session, boolean moderator) {
    JsonArray polls = new JsonArray();
    List<Poll> list = moderator ? session.polls().all() : session.polls().visibleToEveryone();
    list.forEach(poll -> polls.add(poll(poll, moderator)));
    return polls;
  }

  /** The public polls, each with {@code myVote}: the participant's current vote or null. */
  static JsonArray pollsFor(Session session, Participant me) {
    JsonArray polls = new JsonArray();
    for (Poll poll : session.polls().visibleToEveryone()) {
      JsonObject myVote = poll.ballotOf(me.id()).map(PollCodec::ballotJson).orElse(null);
      polls.add(poll(poll, false).put("myVote", myVote));
    }
    return polls;
  }

  /** A participant's own vote: {@code {pollId, myVote}}. */
  static JsonObject vote(PollVote vote) {
    return new JsonObject().put("pollId", vote.pollId()).put("myVote", PollCodec.ballotJson(vote.ballot()));
  }
}
