package org.openfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openfloor.domain.Command.Ask;
import org.openfloor.domain.Command.CreateSession;
import org.openfloor.domain.Command.Join;
import org.openfloor.domain.Command.Moderate;
import org.openfloor.domain.Command.UpdateSession;
import org.openfloor.domain.Command.Vote;

@DisplayName("A session")
class SessionTest {
  private static final String MODERATOR = "mod-hash";
  private static final String ALICE = "alice-hash";
  private static final String BOB = "bob-hash";

  private Session session;
  private long seq;

  @BeforeEach
  void openSession() {
    session = new Session("ABC234");
    seq = 0;
  }

  private Outcome apply(String tokenHash, Command command) {
    seq++;
    return session.apply(new Entry(seq, 1_000 + seq, tokenHash, command));
  }

  private Outcome create(Moderation moderation) {
    return apply(null, new CreateSession("Concluding session", MODERATOR, moderation));
  }

  private String join(String tokenHash, String name) {
    Outcome outcome = apply(null, new Join(tokenHash, Optional.ofNullable(name), Optional.of("ACME"),
        Optional.of(Stakeholder.ACADEMIA), Optional.empty()));
    return ((Participant) ((Outcome.Accepted) outcome).value()).id();
  }

  private Question ask(String tokenHash, String text) {
    return (Question) ((Outcome.Accepted) apply(tokenHash, new Ask(text, false, Optional.empty()))).value();
  }

  private static Rejection.Reason reasonOf(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    return ((Outcome.Rejected) outcome).rejection().reason();
  }

  @Test
  @DisplayName("is created once; a second creation under the same code is a conflict")
  void createdOnce() {
    assertThat(create(Moderation.POST)).isInstanceOf(Outcome.Accepted.class);
    assertThat(reasonOf(create(Moderation.POST))).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(session.info().phase()).isEqualTo(Phase.LIVE);
  }

  @Test
  @DisplayName("refuses every command before it is created")
  void nothingBeforeCreation() {
    assertThat(reasonOf(apply(null, new Join(ALICE, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty())))).isEqualTo(Rejection.Reason.NOT_FOUND);
  }

  @Test
  @DisplayName("derives ids from sequence numbers and gives participant ids the session code")
  void idsFromSequenceNumbers() {
    create(Moderation.POST);
    String alice = join(ALICE, "Alice");
    Question question = ask(ALICE, "Why?");
    assertThat(alice).isEqualTo("ABC234-p2");
    assertThat(question.id()).isEqualTo("q3");
    assertThat(question.askedAt()).isEqualTo(1_003);
  }

  @Test
  @DisplayName("applies the same entries to the same state on every node")
  void deterministic() {
    List<Entry> entries = List.of(
        new Entry(1, 10, null, new CreateSession("T", MODERATOR, Moderation.PRE)),
        new Entry(2, 11, null, new Join(ALICE, Optional.of("A"), Optional.empty(), Optional.empty(), Optional.empty())),
        new Entry(3, 12, ALICE, new Ask("Q?", true, Optional.empty())),
        new Entry(4, 13, MODERATOR, new Moderate("q3", Optional.of(QuestionStatus.VISIBLE), Optional.of(true))),
        new Entry(5, 14, ALICE, new Vote("q3", true)));
    Session one = new Session("XYZ789");
    Session two = new Session("XYZ789");
    entries.forEach(one::apply);
    entries.forEach(two::apply);
    assertThat(one.questions().all()).isEqualTo(two.questions().all());
    assertThat(one.participants()).isEqualTo(two.participants());
    assertThat(one.participantCount()).isEqualTo(1);
  }

  @Nested
  @DisplayName("with post-moderation")
  class PostModeration {
    @BeforeEach
    void setUp() {
      create(Moderation.POST);
    }

    @Test
    @DisplayName("publishes a new question at once to everyone, the moderators and its author")
    void visibleAtOnce() {
      String alice = join(ALICE, "Alice");
      Outcome outcome = apply(ALICE, new Ask("  What about  funding?  ", false, Optional.empty()));
      Outcome.Accepted accepted = (Outcome.Accepted) outcome;
      assertThat(((Question) accepted.value()).status()).isEqualTo(QuestionStatus.VISIBLE);
      assertThat(accepted.events()).extracting(Event::audience)
          .containsExactlyInAnyOrder(Audience.EVERYONE, Audience.MODERATORS, Audience.participant(alice));
    }

    @Test
    @DisplayName("counts one vote per participant and lets it be taken back")
    void oneVotePerParticipant() {
      join(ALICE, "Alice");
      join(BOB, "Bob");
      Question question = ask(ALICE, "Q");
      assertThat(apply(BOB, new Vote(question.id(), true))).isInstanceOf(Outcome.Accepted.class);
      assertThat(reasonOf(apply(BOB, new Vote(question.id(), true)))).isEqualTo(Rejection.Reason.CONFLICT);
      apply(ALICE, new Vote(question.id(), true));
      assertThat(session.questions().find(question.id()).orElseThrow().votes()).isEqualTo(2);
      apply(BOB, new Vote(question.id(), false));
      assertThat(session.questions().find(question.id()).orElseThrow().votes()).isEqualTo(1);
      assertThat(reasonOf(apply(BOB, new Vote(question.id(), false)))).isEqualTo(Rejection.Reason.CONFLICT);
    }

    @Test
    @DisplayName("refuses empty, oversized and control-character text and changes nothing")
    void badText() {
      join(ALICE, "Alice");
      assertThat(reasonOf(apply(ALICE, new Ask("   ", false, Optional.empty())))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(apply(ALICE, new Ask("x".repeat(501), false, Optional.empty()))))
          .isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(apply(ALICE, new Ask("bell\u0007", false, Optional.empty()))))
          .isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(apply(ALICE, new Ask("x".repeat(500), false, Optional.empty()))).isInstanceOf(Outcome.Accepted.class);
      assertThat(session.questions().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("asks for a token to ask, and knows no unknown token")
    void tokens() {
      assertThat(reasonOf(apply(null, new Ask("Q", false, Optional.empty()))))
          .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
      assertThat(reasonOf(apply("nobody", new Ask("Q", false, Optional.empty()))))
          .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
      assertThat(reasonOf(apply(MODERATOR, new Ask("Q", false, Optional.empty()))))
          .isEqualTo(Rejection.Reason.FORBIDDEN);
    }

    @Test
    @DisplayName("lets only the moderator moderate, and never back to pending")
    void moderation() {
      join(ALICE, "Alice");
      Question question = ask(ALICE, "Q");
      assertThat(reasonOf(apply(ALICE, new Moderate(question.id(), Optional.of(QuestionStatus.HIDDEN),
          Optional.empty())))).isEqualTo(Rejection.Reason.FORBIDDEN);
      assertThat(reasonOf(apply(MODERATOR, new Moderate(question.id(), Optional.of(QuestionStatus.PENDING),
          Optional.empty())))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(apply(MODERATOR, new Moderate("q99", Optional.of(QuestionStatus.HIDDEN),
          Optional.empty())))).isEqualTo(Rejection.Reason.NOT_FOUND);
      Outcome hidden = apply(MODERATOR, new Moderate(question.id(), Optional.of(QuestionStatus.HIDDEN), Optional.empty()));
      assertThat(((Outcome.Accepted) hidden).events()).extracting(Event::audience).contains(Audience.EVERYONE);
      assertThat(session.questions().visibleToEveryone()).isEmpty();
    }

    @Test
    @DisplayName("refuses votes on hidden questions as if they did not exist")
    void noVotesOnHidden() {
      join(ALICE, "Alice");
      Question question = ask(ALICE, "Q");
      apply(MODERATOR, new Moderate(question.id(), Optional.of(QuestionStatus.HIDDEN), Optional.empty()));
      assertThat(reasonOf(apply(ALICE, new Vote(question.id(), true)))).isEqualTo(Rejection.Reason.NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("with pre-moderation")
  class PreModeration {
    @BeforeEach
    void setUp() {
      create(Moderation.PRE);
    }

    @Test
    @DisplayName("keeps a new question from everyone but the moderators and its author until approved")
    void pendingUntilApproved() {
      String alice = join(ALICE, "Alice");
      Outcome asked = apply(ALICE, new Ask("Q", false, Optional.empty()));
      assertThat(((Outcome.Accepted) asked).events()).extracting(Event::audience)
          .containsExactlyInAnyOrder(Audience.MODERATORS, Audience.participant(alice));
      assertThat(session.questions().visibleToEveryone()).isEmpty();
      Outcome approved = apply(MODERATOR, new Moderate("q3", Optional.of(QuestionStatus.VISIBLE), Optional.empty()));
      assertThat(((Outcome.Accepted) approved).events()).extracting(Event::audience).contains(Audience.EVERYONE);
      assertThat(session.questions().visibleToEveryone()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("in its phases")
  class Phases {
    @BeforeEach
    void setUp() {
      create(Moderation.POST);
    }

    @Test
    @DisplayName("takes no questions once in review and nothing at all once closed")
    void phases() {
      join(ALICE, "Alice");
      Question question = ask(ALICE, "Q");
      apply(MODERATOR, new UpdateSession(Optional.empty(), Optional.of(Phase.REVIEW), Optional.of(99_999L),
          Optional.empty()));
      assertThat(reasonOf(apply(ALICE, new Ask("Q2", false, Optional.empty())))).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(reasonOf(apply(ALICE, new Vote(question.id(), true)))).isEqualTo(Rejection.Reason.CONFLICT);
      apply(MODERATOR, new UpdateSession(Optional.empty(), Optional.of(Phase.CLOSED), Optional.empty(), Optional.empty()));
      assertThat(reasonOf(apply(MODERATOR, new UpdateSession(Optional.of("New"), Optional.empty(), Optional.empty(),
          Optional.empty())))).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(reasonOf(apply(null, new Join(BOB, Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty())))).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(session.info().title()).isEqualTo("Concluding session");
    }
  }
}
