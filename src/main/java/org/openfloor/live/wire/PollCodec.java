package org.openfloor.live.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

import org.openfloor.domain.Ballot;
import org.openfloor.domain.Command;
import org.openfloor.domain.Command.CreatePoll;
import org.openfloor.domain.Command.HidePollWord;
import org.openfloor.domain.Command.UpdatePoll;
import org.openfloor.domain.Command.VotePoll;
import org.openfloor.domain.Limits;
import org.openfloor.domain.PollKind;
import org.openfloor.domain.PollState;
import org.openfloor.domain.ShowResults;

/** The poll commands to and from JSON, for {@link CommandCodec}. */
public final class PollCodec {
  private static final int MAX_ITEMS = 20;

  private PollCodec() {
  }

  static Command decode(String type, Fields fields) {
    return switch (type) {
      case CommandCodec.POLL_CREATE -> new CreatePoll(fields.text("question"),
          fields.optionalEnum("kind", PollKind::fromWire).orElseThrow(() -> new BadInput("kind is required")),
          fields.optionalTexts("options", MAX_ITEMS).orElse(List.of()),
          fields.optionalEnum("showResults", ShowResults::fromWire).orElse(ShowResults.LIVE),
          fields.optionalInt("maxChoices"), fields.optionalInt("scale"));
      case CommandCodec.POLL_UPDATE -> new UpdatePoll(fields.id("pollId"),
          fields.optionalEnum("state", PollCodec::settableState), fields.optionalText("question"),
          fields.optionalTexts("options", MAX_ITEMS), fields.optionalEnum("showResults", ShowResults::fromWire),
          fields.optionalInt("maxChoices"), fields.optionalInt("scale"));
      case CommandCodec.POLL_VOTE -> new VotePoll(fields.id("pollId"), ballot(fields));
      case CommandCodec.POLL_HIDE_WORD -> new HidePollWord(fields.id("pollId"), fields.text("text"),
          fields.optionalBoolean("hidden").orElse(true));
      default -> throw new BadInput("unknown command type '" + type + "'");
    };
  }

  private static Optional<PollState> settableState(String wire) {
    return PollState.fromWire(wire).filter(state -> state != PollState.DRAFT);
  }

  private static Ballot ballot(Fields fields) {
    Optional<List<String>> choices = fields.optionalStrings("choices", MAX_ITEMS);
    Optional<Integer> rating = fields.optionalInt("rating");
    Optional<List<String>> words = fields.optionalTexts("words", Limits.POLL_WORDS);
    long given = java.util.stream.Stream.of(choices, rating, words).filter(Optional::isPresent).count();
    if (given != 1) {
      throw new BadInput(given == 0 ? "a vote needs choices, rating or words" : "give one of choices, rating or words");
    }
    return choices.<Ballot>map(Ballot.Choices::new)
        .or(() -> rating.map(Ballot.Rating::new))
        .orElseGet(() -> new Ballot.Words(words.get()));
  }

  static String typeOf(Command.PollCommand command) {
    return switch (command) {
      case CreatePoll _ -> CommandCodec.POLL_CREATE;
      case UpdatePoll _ -> CommandCodec.POLL_UPDATE;
      case VotePoll _ -> CommandCodec.POLL_VOTE;
      case HidePollWord _ -> CommandCodec.POLL_HIDE_WORD;
    };
  }

  static JsonObject toJson(Command.PollCommand command) {
    return switch (command) {
      case CreatePoll c -> new JsonObject().put("question", c.question()).put("kind", c.kind().wire())
          .put("options", new JsonArray(c.options())).put("showResults", c.showResults().wire())
          .put("maxChoices", c.maxChoices().orElse(null)).put("scale", c.scale().orElse(null));
      case UpdatePoll u -> new JsonObject().put("pollId", u.pollId()).put("state", u.state().map(PollState::wire).orElse(null))
          .put("question", u.question().orElse(null)).put("options", u.options().map(JsonArray::new).orElse(null))
          .put("showResults", u.showResults().map(ShowResults::wire).orElse(null))
          .put("maxChoices", u.maxChoices().orElse(null)).put("scale", u.scale().orElse(null));
      case VotePoll v -> ballotJson(v.ballot()).put("pollId", v.pollId());
      case HidePollWord h -> new JsonObject().put("pollId", h.pollId()).put("text", h.text()).put("hidden", h.hidden());
    };
  }

  /** A vote as on the wire: {@code {choices}}, {@code {rating}} or {@code {words}}. */
  static JsonObject ballotJson(Ballot ballot) {
    return switch (ballot) {
      case Ballot.Choices c -> new JsonObject().put("choices", new JsonArray(c.optionIds()));
      case Ballot.Rating r -> new JsonObject().put("rating", r.value());
      case Ballot.Words w -> new JsonObject().put("words", new JsonArray(w.entries()));
    };
  }
}
