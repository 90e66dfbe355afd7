package org.openfloor.live.wire;

import static org.openfloor.live.wire.SnapshotJson.enumOf;
import static org.openfloor.live.wire.SnapshotJson.optionalInt;
import static org.openfloor.live.wire.SnapshotJson.orNull;
import static org.openfloor.live.wire.SnapshotJson.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openfloor.domain.Ballot;
import org.openfloor.domain.Poll;
import org.openfloor.domain.PollDefinition;
import org.openfloor.domain.PollKind;
import org.openfloor.domain.PollOption;
import org.openfloor.domain.PollState;
import org.openfloor.domain.Session;
import org.openfloor.domain.ShowResults;

/** The polls in a snapshot, in creation order, each with its ballots sorted by participant and its tallies. */
public final class PollsSnapshot implements SnapshotPart {

  @Override
  public String key() {
    return "polls";
  }

  @Override
  public Object write(Session session) {
    return SnapshotJson.array(session.polls().saved(), PollsSnapshot::poll);
  }

  @Override
  public void read(Object json, Session session) {
    session.polls().restore(SnapshotJson.objects((JsonArray) json, PollsSnapshot::poll));
  }

  static JsonObject poll(Poll.Saved p) {
    JsonObject ballots = new JsonObject();
    p.ballots().forEach((participantId, ballot) -> ballots.put(participantId, PollCodec.ballotJson(ballot)));
    return new JsonObject().put("id", p.id()).put("seq", p.seq()).put("definition", definition(p.definition()))
        .put("state", wire(p.state())).put("ballots", ballots)
        .put("optionCounts", new JsonArray(p.optionCounts())).put("distribution", new JsonArray(p.distribution()))
        .put("ratingSum", p.ratingSum())
        .put("words", SnapshotJson.array(p.words(), w -> new JsonArray().add(w.key()).add(w.text()).add(w.count())))
        .put("hiddenWords", new JsonArray(p.hiddenWords()));
  }

  static Poll.Saved poll(JsonObject json) {
    Map<String, Ballot> ballots = new LinkedHashMap<>();
    JsonObject ballotsJson = json.getJsonObject("ballots");
    ballotsJson.fieldNames().forEach(id -> ballots.put(id, ballot(ballotsJson.getJsonObject(id))));
    JsonArray words = json.getJsonArray("words");
    List<Poll.SavedWord> savedWords = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      JsonArray w = words.getJsonArray(i);
      savedWords.add(new Poll.SavedWord(w.getString(0), w.getString(1), w.getInteger(2)));
    }
    return new Poll.Saved(json.getString("id"), json.getLong("seq"), definition(json.getJsonObject("definition")),
        enumOf(PollState.class, json.getString("state")), ballots, SnapshotJson.ints(json.getJsonArray("optionCounts")),
        SnapshotJson.ints(json.getJsonArray("distribution")), json.getLong("ratingSum"), savedWords,
        SnapshotJson.strings(json.getJsonArray("hiddenWords")));
  }

  static JsonObject definition(PollDefinition d) {
    return new JsonObject().put("question", d.question()).put("kind", wire(d.kind()))
        .put("options", SnapshotJson.array(d.options(), o -> new JsonArray().add(o.id()).add(o.label())))
        .put("showResults", wire(d.showResults())).put("maxChoices", orNull(d.maxChoices()))
        .put("scale", orNull(d.scale()));
  }

  static PollDefinition definition(JsonObject json) {
    JsonArray options = json.getJsonArray("options");
    List<PollOption> parsed = new ArrayList<>(options.size());
    for (int i = 0; i < options.size(); i++) {
      parsed.add(new PollOption(options.getJsonArray(i).getString(0), options.getJsonArray(i).getString(1)));
    }
    return new PollDefinition(json.getString("question"), enumOf(PollKind.class, json.getString("kind")), parsed,
        enumOf(ShowResults.class, json.getString("showResults")), optionalInt(json, "maxChoices"),
        optionalInt(json, "scale"));
  }

  static Ballot ballot(JsonObject json) {
    if (json.containsKey("choices")) {
      return new Ballot.Choices(SnapshotJson.strings(json.getJsonArray("choices")));
    }
    if (json.containsKey("rating")) {
      return new Ballot.Rating(json.getInteger("rating"));
    }
    return new Ballot.Words(SnapshotJson.strings(json.getJsonArray("words")));
  }
}
