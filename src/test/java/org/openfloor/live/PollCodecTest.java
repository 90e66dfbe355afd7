package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openfloor.domain.Ballot;
import org.openfloor.domain.Command;
import org.openfloor.domain.PollKind;
import org.openfloor.domain.PollState;
import org.openfloor.domain.ShowResults;
import org.openfloor.live.wire.BadInput;
import org.openfloor.live.wire.CommandCodec;

@DisplayName("The poll commands on the wire and in the log")
class PollCodecTest {

  @Test
  @DisplayName("survive the trip to the log and back unchanged")
  void roundTrip() {
    List<Command> commands = List.of(
        new Command.CreatePoll("Which?", PollKind.MULTI, List.of("A", "B"), ShowResults.CLOSED, Optional.of(2),
            Optional.empty()),
        new Command.UpdatePoll("poll4", Optional.of(PollState.OPEN), Optional.empty(), Optional.of(List.of("C", "D")),
            Optional.empty(), Optional.empty(), Optional.of(10)),
        new Command.VotePoll("poll4", new Ballot.Choices(List.of("o1", "o2"))),
        new Command.VotePoll("poll4", new Ballot.Rating(4)),
        new Command.VotePoll("poll4", new Ballot.Words(List.of("trust", "data"))),
        new Command.HidePollWord("poll4", "rude", true));
    for (Command command : commands) {
      assertThat(CommandCodec.fromLog(CommandCodec.typeOf(command), CommandCodec.toJson(command))).isEqualTo(command);
    }
  }

  @Test
  @DisplayName("refuse a vote with nothing, with two kinds of answer, or with numbers for choices")
  void badVotes() {
    List<JsonObject> bodies = List.of(new JsonObject(),
        new JsonObject().put("rating", 3).put("words", new JsonArray().add("x")),
        new JsonObject().put("choices", new JsonArray().add(1)),
        new JsonObject().put("rating", 2.5));
    for (JsonObject body : bodies) {
      assertThatThrownBy(() -> CommandCodec.fromRequest(CommandCodec.POLL_VOTE, body.put("pollId", "poll4"), null))
          .isInstanceOf(BadInput.class);
    }
  }

  @Test
  @DisplayName("refuse sending a poll back to draft and unknown kinds")
  void badStates() {
    assertThatThrownBy(() -> CommandCodec.fromRequest(CommandCodec.POLL_UPDATE,
        new JsonObject().put("pollId", "poll4").put("state", "draft"), null)).isInstanceOf(BadInput.class);
    assertThatThrownBy(() -> CommandCodec.fromRequest(CommandCodec.POLL_CREATE,
        new JsonObject().put("question", "Q").put("kind", "ranking"), null)).isInstanceOf(BadInput.class);
  }
}
