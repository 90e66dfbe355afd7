package org.openfloor.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openfloor.domain.Balance;
import org.openfloor.domain.Phase;

/** What a session's report shows, public content only: sections per group, the open floor, polls, review comments. */
public record Report(String code, String title, long createdAt, Phase phase, Optional<Long> reviewUntil, long seq,
                     List<Section> sections, List<Speech> floor, Balance balance, List<PollResult> polls) {

  /** Who wrote something, unless they stayed anonymous or gave no name. */
  public record Author(String name, Optional<String> affiliation) {
  }

  /** A group's section (empty {@code groupId} for the plenary): its key messages and highlighted comments. */
  public record Section(Optional<String> groupId, String name, Optional<String> facilitator, List<Message> messages,
                        List<Comment> highlighted) {
  }

  /** A key message with the comments it draws from and the review comments it received. */
  public record Message(String id, String text, List<String> questionIds, List<ReviewComment> comments) {
  }

  /** A review comment on a key message. */
  public record ReviewComment(String id, String text, Optional<Author> author) {
  }

  /** A highlighted comment or question from the floor. */
  public record Comment(String id, String text, int votes, Optional<Author> author) {
  }

  /** One turn at the microphone; a briefing names its group. */
  public record Speech(Optional<String> name, Optional<String> affiliation, Optional<String> stakeholder, String kind,
                       Optional<String> topic, Optional<String> group, long durationMs) {
  }

  /** A poll's public results: option counts, a rating's average, or a word cloud's counts. */
  public record PollResult(String id, String question, String kind, String state, int total,
                           Map<String, Integer> counts, Optional<Double> average) {
  }

  /** Every review comment, with the message it is on. */
  public List<Map.Entry<Message, ReviewComment>> reviewComments() {
    return sections.stream().flatMap(s -> s.messages().stream())
        .flatMap(m -> m.comments().stream().map(c -> Map.entry(m, c))).toList();
  }
}
