package org.openfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openfloor.domain.Command.CreatePoll;
import org.openfloor.domain.Command.CreateSession;
import org.openfloor.domain.Command.HidePollWord;
import org.openfloor.domain.Command.Join;
import org.openfloor.domain.Command.UpdatePoll;
import org.openfloor.domain.Command.VotePoll;

@DisplayName("The polls of a session")
class PollBookTest {
  private static final String MODERATOR = "mod-hash";
  private static final String ALICE = "alice-hash";
  private static final String BOB = "bob-hash";
  private static final String CAROL = "carol-hash";

  private Session session;
  private long seq;

  @BeforeEach
  void openSession() {
    session = new Session("ABC234");
    seq = 0;
    apply(null, new CreateSession("Concluding session", MODERATOR, Moderation.POST));
    for (String token : List.of(ALICE, BOB, CAROL)) {
      apply(null, new Join(token, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
  }

  private Outcome apply(String tokenHash, Command command) {
    seq++;
    return session.apply(new Entry(seq, 1_000 + seq, tokenHash, command));
  }

  private Poll create(PollKind kind, List<String> options, ShowResults show, Optional<Integer> max,
                      Optional<Integer> scale) {
    Outcome outcome = apply(MODERATOR, new CreatePoll("What now?", kind, options, show, max, scale));
    return (Poll) ((Outcome.Accepted) outcome).value();
  }

  private Poll open(PollKind kind, List<String> options) {
    Poll poll = create(kind, options, ShowResults.LIVE, Optional.empty(), Optional.empty());
    setState(poll, PollState.OPEN);
    return poll;
  }

  private Outcome setState(Poll poll, PollState state) {
    return apply(MODERATOR, new UpdatePoll(poll.id(), Optional.of(state), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty()));
  }

  private Outcome choose(String voter, Poll poll, String... optionIds) {
    return apply(voter, new VotePoll(poll.id(), new Ballot.Choices(List.of(optionIds))));
  }

  private Outcome rate(String voter, Poll poll, int rating) {
    return apply(voter, new VotePoll(poll.id(), new Ballot.Rating(rating)));
  }

  private Outcome say(String voter, Poll poll, String... words) {
    return apply(voter, new VotePoll(poll.id(), new Ballot.Words(List.of(words))));
  }

  private static List<Integer> counts(Poll poll) {
    return java.util.stream.IntStream.range(0, poll.definition().options().size()).mapToObj(poll::count).toList();
  }

  private static Rejection.Reason reasonOf(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    return ((Outcome.Rejected) outcome).rejection().reason();
  }

  @Test
  @DisplayName("start as drafts seen only by the moderators, with ids from the seq and options o1…on")
  void draftsForModeratorsOnly() {
    Outcome outcome = apply(MODERATOR, new CreatePoll("Lunch?", PollKind.SINGLE, List.of("Yes", "No"),
        ShowResults.LIVE, Optional.empty(), Optional.empty()));
    Poll poll = (Poll) ((Outcome.Accepted) outcome).value();
    assertThat(poll.id()).isEqualTo("poll" + seq);
    assertThat(poll.state()).isEqualTo(PollState.DRAFT);
    assertThat(poll.definition().options()).extracting(PollOption::id).containsExactly("o1", "o2");
    assertThat(((Outcome.Accepted) outcome).events()).extracting(Event::audience).containsExactly(Audience.MODERATORS);
    assertThat(session.polls().visibleToEveryone()).isEmpty();
  }

  @Test
  @DisplayName("are run by the moderator only and voted on by participants only")
  void roles() {
    assertThat(reasonOf(apply(ALICE, new CreatePoll("Q", PollKind.WORDS, List.of(), ShowResults.LIVE,
        Optional.empty(), Optional.empty())))).isEqualTo(Rejection.Reason.FORBIDDEN);
    Poll poll = open(PollKind.SINGLE, List.of("A", "B"));
    assertThat(reasonOf(apply(ALICE, new UpdatePoll(poll.id(), Optional.of(PollState.CLOSED), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))).isEqualTo(Rejection.Reason.FORBIDDEN);
    assertThat(reasonOf(choose(MODERATOR, poll, "o1"))).isEqualTo(Rejection.Reason.FORBIDDEN);
    assertThat(reasonOf(apply(null, new VotePoll(poll.id(), new Ballot.Rating(1)))))
        .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
  }

  @Test
  @DisplayName("refuse bad definitions: too few or too many options, options on a rating, a scale of 7")
  void badDefinitions() {
    List<CreatePoll> bad = List.of(
        new CreatePoll("Q", PollKind.SINGLE, List.of("Only"), ShowResults.LIVE, Optional.empty(), Optional.empty()),
        new CreatePoll("Q", PollKind.MULTI, java.util.Collections.nCopies(11, "x"), ShowResults.LIVE, Optional.empty(),
            Optional.empty()),
        new CreatePoll("Q", PollKind.MULTI, List.of("A", "B"), ShowResults.LIVE, Optional.of(3), Optional.empty()),
        new CreatePoll("Q", PollKind.SINGLE, List.of("A", "B"), ShowResults.LIVE, Optional.of(1), Optional.empty()),
        new CreatePoll("Q", PollKind.RATING, List.of("A", "B"), ShowResults.LIVE, Optional.empty(), Optional.empty()),
        new CreatePoll("Q", PollKind.RATING, List.of(), ShowResults.LIVE, Optional.empty(), Optional.of(7)),
        new CreatePoll("  ", PollKind.WORDS, List.of(), ShowResults.LIVE, Optional.empty(), Optional.empty()),
        new CreatePoll("Q", PollKind.SINGLE, List.of("A", " "), ShowResults.LIVE, Optional.empty(), Optional.empty()));
    bad.forEach(command -> assertThat(reasonOf(apply(MODERATOR, command))).isEqualTo(Rejection.Reason.BAD_INPUT));
    assertThat(session.polls().all()).isEmpty();
  }

  @Test
  @DisplayName("go draft → open → closed → open again, but never back to draft or closed twice")
  void lifeCycle() {
    Poll poll = create(PollKind.SINGLE, List.of("A", "B"), ShowResults.LIVE, Optional.empty(), Optional.empty());
    assertThat(reasonOf(setState(poll, PollState.CLOSED))).isEqualTo(Rejection.Reason.CONFLICT);
    Outcome opened = setState(poll, PollState.OPEN);
    assertThat(((Outcome.Accepted) opened).events()).extracting(Event::audience)
        .containsExactly(Audience.MODERATORS, Audience.EVERYONE);
    assertThat(setState(poll, PollState.CLOSED)).isInstanceOf(Outcome.Accepted.class);
    assertThat(reasonOf(setState(poll, PollState.CLOSED))).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(reasonOf(setState(poll, PollState.DRAFT))).isEqualTo(Rejection.Reason.BAD_INPUT);
    assertThat(setState(poll, PollState.OPEN)).isInstanceOf(Outcome.Accepted.class);
    assertThat(poll.state()).isEqualTo(PollState.OPEN);
  }

  @Test
  @DisplayName("let a draft's question and options be edited, and nothing once it is open")
  void editDraft() {
    Poll poll = create(PollKind.SINGLE, List.of("A", "B"), ShowResults.LIVE, Optional.empty(), Optional.empty());
    Outcome edited = apply(MODERATOR, new UpdatePoll(poll.id(), Optional.empty(), Optional.of("Better?"),
        Optional.of(List.of("A", "B", "C")), Optional.of(ShowResults.CLOSED), Optional.empty(), Optional.empty()));
    assertThat(edited).isInstanceOf(Outcome.Accepted.class);
    assertThat(poll.definition().question()).isEqualTo("Better?");
    assertThat(poll.definition().options()).extracting(PollOption::label).containsExactly("A", "B", "C");
    setState(poll, PollState.OPEN);
    assertThat(reasonOf(apply(MODERATOR, new UpdatePoll(poll.id(), Optional.empty(), Optional.of("Late"),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(poll.definition().question()).isEqualTo("Better?");
  }

  @Nested
  @DisplayName("of single choice")
  class Single {
    @Test
    @DisplayName("count one vote per participant, and a changed vote moves the count")
    void changeVote() {
      Poll poll = open(PollKind.SINGLE, List.of("A", "B", "C"));
      choose(ALICE, poll, "o1");
      choose(BOB, poll, "o1");
      assertThat(counts(poll)).containsExactly(2, 0, 0);
      choose(ALICE, poll, "o3");
      choose(ALICE, poll, "o3");
      assertThat(counts(poll)).containsExactly(1, 0, 1);
      assertThat(poll.total()).isEqualTo(2);
      assertThat(poll.ballotOf(session.participants().iterator().next().id()))
          .contains(new Ballot.Choices(List.of("o3")));
    }

    @Test
    @DisplayName("refuse two choices, an unknown option, no choice and another kind of vote, changing nothing")
    void badVotes() {
      Poll poll = open(PollKind.SINGLE, List.of("A", "B"));
      choose(ALICE, poll, "o2");
      assertThat(reasonOf(choose(ALICE, poll, "o1", "o2"))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(choose(ALICE, poll, "o3"))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(choose(ALICE, poll))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(rate(ALICE, poll, 1))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(counts(poll)).containsExactly(0, 1);
    }

    @Test
    @DisplayName("refuse votes on a draft as unknown and on a closed poll as a conflict, keeping the result")
    void noVotesWhenNotOpen() {
      Poll draft = create(PollKind.SINGLE, List.of("A", "B"), ShowResults.LIVE, Optional.empty(), Optional.empty());
      assertThat(reasonOf(choose(ALICE, draft, "o1"))).isEqualTo(Rejection.Reason.NOT_FOUND);
      Poll poll = open(PollKind.SINGLE, List.of("A", "B"));
      choose(ALICE, poll, "o1");
      setState(poll, PollState.CLOSED);
      assertThat(reasonOf(choose(BOB, poll, "o2"))).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(counts(poll)).containsExactly(1, 0);
      assertThat(session.polls().visibleToEveryone()).containsExactly(poll);
    }
  }

  @Nested
  @DisplayName("of multiple choice")
  class Multi {
    @Test
    @DisplayName("count each chosen option, up to maxChoices, and total the voters")
    void tallies() {
      Poll poll = create(PollKind.MULTI, List.of("A", "B", "C", "D"), ShowResults.LIVE, Optional.of(2),
          Optional.empty());
      setState(poll, PollState.OPEN);
      choose(ALICE, poll, "o1", "o2");
      choose(BOB, poll, "o2", "o4");
      assertThat(reasonOf(choose(CAROL, poll, "o1", "o2", "o3"))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(choose(CAROL, poll, "o1", "o1"))).isEqualTo(Rejection.Reason.BAD_INPUT);
      choose(ALICE, poll, "o3");
      assertThat(counts(poll)).containsExactly(0, 1, 1, 1);
      assertThat(poll.total()).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("of rating")
  class Rating {
    @Test
    @DisplayName("give a distribution and an average, and refuse ratings off the scale")
    void distribution() {
      Poll poll = create(PollKind.RATING, List.of(), ShowResults.LIVE, Optional.empty(), Optional.of(10));
      setState(poll, PollState.OPEN);
      rate(ALICE, poll, 10);
      rate(BOB, poll, 7);
      rate(CAROL, poll, 1);
      rate(CAROL, poll, 2);
      assertThat(reasonOf(rate(ALICE, poll, 11))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(rate(ALICE, poll, 0))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(poll.distribution()).containsExactly(0, 1, 0, 0, 0, 0, 1, 0, 0, 1);
      assertThat(poll.average()).contains(6.33);
      assertThat(poll.total()).isEqualTo(3);
    }

    @Test
    @DisplayName("use a scale of 5 unless told otherwise")
    void defaultScale() {
      Poll poll = open(PollKind.RATING, List.of());
      assertThat(reasonOf(rate(ALICE, poll, 6))).isEqualTo(Rejection.Reason.BAD_INPUT);
      rate(ALICE, poll, 5);
      assertThat(poll.distribution()).containsExactly(0, 0, 0, 0, 1);
      assertThat(poll.average()).contains(5.0);
    }
  }

  @Nested
  @DisplayName("of words")
  class Words {
    @Test
    @DisplayName("group entries across case, white space and Unicode forms, showing the first spelling")
    void normalisation() {
      Poll poll = open(PollKind.WORDS, List.of());
      say(ALICE, poll, "Open  Data", "ﬁnance");
      say(BOB, poll, "open data", "finance", "  OPEN DATA ");
      say(CAROL, poll, "Ｏｐｅｎ\tdata");
      assertThat(poll.words()).containsExactly(new WordCount("Open Data", 3, false),
          new WordCount("finance", 2, false));
      assertThat(poll.ballotOf("ABC234-p3")).contains(new Ballot.Words(List.of("open data", "finance")));
    }

    @Test
    @DisplayName("take at most three entries of at most 40 characters, and a changed vote replaces the words")
    void limitsAndChange() {
      Poll poll = open(PollKind.WORDS, List.of());
      assertThat(reasonOf(say(ALICE, poll, "a", "b", "c", "d"))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(say(ALICE, poll, "x".repeat(41)))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(say(ALICE, poll, " "))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(say(ALICE, poll))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(poll.words()).isEmpty();
      say(ALICE, poll, "x".repeat(40), "trust");
      say(ALICE, poll, "trust");
      assertThat(poll.words()).containsExactly(new WordCount("trust", 1, false));
      assertThat(poll.total()).isEqualTo(1);
    }

    @Test
    @DisplayName("let the moderator hide an entry in any spelling, and show it again")
    void hide() {
      Poll poll = open(PollKind.WORDS, List.of());
      say(ALICE, poll, "Rude");
      assertThat(reasonOf(apply(ALICE, new HidePollWord(poll.id(), "rude", true))))
          .isEqualTo(Rejection.Reason.FORBIDDEN);
      assertThat(reasonOf(apply(MODERATOR, new HidePollWord(poll.id(), "polite", true))))
          .isEqualTo(Rejection.Reason.NOT_FOUND);
      apply(MODERATOR, new HidePollWord(poll.id(), " RUDE", true));
      assertThat(poll.words()).containsExactly(new WordCount("Rude", 1, true));
      apply(MODERATOR, new HidePollWord(poll.id(), "rude", false));
      assertThat(poll.words()).containsExactly(new WordCount("Rude", 1, false));
    }
  }

  @Nested
  @DisplayName("with results shown only once closed")
  class HiddenResults {
    @Test
    @DisplayName("send tally changes to the moderators only until the poll is closed")
    void talliesToModeratorsOnly() {
      Poll poll = create(PollKind.SINGLE, List.of("A", "B"), ShowResults.CLOSED, Optional.empty(), Optional.empty());
      setState(poll, PollState.OPEN);
      Outcome voted = choose(ALICE, poll, "o1");
      assertThat(((Outcome.Accepted) voted).events()).extracting(Event::audience)
          .containsExactly(Audience.MODERATORS, Audience.participant("ABC234-p2"));
      assertThat(poll.resultsPublic()).isFalse();
      setState(poll, PollState.CLOSED);
      assertThat(poll.resultsPublic()).isTrue();
    }
  }

  @Test
  @DisplayName("apply the same entries to the same tallies on every node")
  void deterministic() {
    Session other = new Session("ABC234");
    Poll poll = open(PollKind.WORDS, List.of());
    say(ALICE, poll, "B", "a");
    say(BOB, poll, "A", "c");
    long last = seq;
    seq = 0;
    Session original = session;
    session = other;
    apply(null, new CreateSession("Concluding session", MODERATOR, Moderation.POST));
    for (String token : List.of(ALICE, BOB, CAROL)) {
      apply(null, new Join(token, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
    Poll copy = open(PollKind.WORDS, List.of());
    say(ALICE, copy, "B", "a");
    say(BOB, copy, "A", "c");
    assertThat(seq).isEqualTo(last);
    assertThat(copy.words()).isEqualTo(original.polls().find(poll.id()).orElseThrow().words());
  }
}
