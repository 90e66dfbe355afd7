package org.openfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openfloor.domain.Command.Ask;
import org.openfloor.domain.Command.CallNext;
import org.openfloor.domain.Command.CommentMessage;
import org.openfloor.domain.Command.CreateGroup;
import org.openfloor.domain.Command.CreateMessage;
import org.openfloor.domain.Command.CreateSession;
import org.openfloor.domain.Command.EditMessage;
import org.openfloor.domain.Command.Join;
import org.openfloor.domain.Command.Moderate;
import org.openfloor.domain.Command.RequestBriefing;
import org.openfloor.domain.Command.SwitchGroup;
import org.openfloor.domain.Command.UpdateSession;
import org.openfloor.domain.Command.WriteNotes;

@DisplayName("Breakout groups and key messages")
class BreakoutsTest {
  private static final String MODERATOR = "mod-hash";
  private static final String ALICE = "alice-hash";
  private static final String BOB = "bob-hash";
  private static final String SAFETY_FACILITATOR = "safety-hash";
  private static final String ETHICS_FACILITATOR = "ethics-hash";

  private Session session;
  private long seq;
  private String safety;
  private String ethics;

  @BeforeEach
  void openSessionWithTwoGroups() {
    session = new Session("ABC234");
    seq = 0;
    apply(null, new CreateSession("Concluding session", MODERATOR, Moderation.POST));
    safety = ((Group) accepted(apply(MODERATOR, new CreateGroup("Security and safety", SAFETY_FACILITATOR,
        Optional.of("Fatima"))))).id();
    ethics = ((Group) accepted(apply(MODERATOR, new CreateGroup("Ethics", ETHICS_FACILITATOR, Optional.empty())))).id();
  }

  private Outcome apply(String tokenHash, Command command) {
    seq++;
    return session.apply(new Entry(seq, 10_000 * seq, tokenHash, command));
  }

  private static Object accepted(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
    return ((Outcome.Accepted) outcome).value();
  }

  private static Rejection.Reason reasonOf(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    return ((Outcome.Rejected) outcome).rejection().reason();
  }

  private Participant join(String tokenHash, String name, Optional<String> groupId) {
    return (Participant) accepted(apply(null, new Join(tokenHash, Optional.of(name), Optional.of("ACME"),
        Optional.of(Stakeholder.ACADEMIA), groupId)));
  }

  private Question ask(String tokenHash, String text) {
    return (Question) accepted(apply(tokenHash, new Ask(text, false, Optional.empty())));
  }

  private KeyMessage message(String tokenHash, String text, Optional<String> groupId) {
    return (KeyMessage) accepted(apply(tokenHash, new CreateMessage(text, List.of(), groupId)));
  }

  private void moveTo(Phase phase) {
    accepted(apply(MODERATOR, new UpdateSession(Optional.empty(), Optional.of(phase), Optional.of(99_000_000L),
        Optional.empty())));
  }

  @Test
  @DisplayName("gives groups ids from the seq and resolves a facilitator token to its group")
  void groupsAndFacilitators() {
    assertThat(safety).isEqualTo("g2");
    assertThat(session.actorOf(SAFETY_FACILITATOR)).isEqualTo(new Actor.Facilitator(safety));
    assertThat(session.breakouts().groups()).extracting(Group::name).containsExactly("Security and safety", "Ethics");
    assertThat(reasonOf(apply(SAFETY_FACILITATOR, new CreateGroup("Mine", "x", Optional.empty()))))
        .isEqualTo(Rejection.Reason.FORBIDDEN);
  }

  @Nested
  @DisplayName("scoping")
  class Scoping {
    @Test
    @DisplayName("tags questions with the asker's group, and refuses to join or ask into a group that does not exist")
    void questionsTaggedWithGroup() {
      join(ALICE, "Alice", Optional.of(safety));
      assertThat(ask(ALICE, "Who audits the models?").groupId()).contains(safety);
      assertThat(reasonOf(apply(null, new Join(BOB, Optional.of("Bob"), Optional.empty(), Optional.empty(),
          Optional.of("g999"))))).isEqualTo(Rejection.Reason.NOT_FOUND);
      assertThat(reasonOf(apply(ALICE, new Ask("Elsewhere?", false, Optional.of("g999")))))
          .isEqualTo(Rejection.Reason.NOT_FOUND);
    }

    @Test
    @DisplayName("lets a participant switch groups; later questions carry the new group")
    void switchGroups() {
      join(ALICE, "Alice", Optional.of(safety));
      Participant moved = (Participant) accepted(apply(ALICE, new SwitchGroup(Optional.of(ethics))));
      assertThat(moved.groupId()).contains(ethics);
      assertThat(ask(ALICE, "And rights?").groupId()).contains(ethics);
      assertThat(reasonOf(apply(ALICE, new SwitchGroup(Optional.of("g999"))))).isEqualTo(Rejection.Reason.NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("facilitator rights")
  class FacilitatorRights {
    @Test
    @DisplayName("a facilitator highlights and hides their group's questions but not another group's")
    void moderateOwnGroupOnly() {
      join(ALICE, "Alice", Optional.of(safety));
      join(BOB, "Bob", Optional.of(ethics));
      Question own = ask(ALICE, "Own group");
      Question other = ask(BOB, "Other group");
      Moderate highlight = new Moderate(own.id(), Optional.empty(), Optional.of(true));
      assertThat(((Question) accepted(apply(SAFETY_FACILITATOR, highlight))).highlighted()).isTrue();
      assertThat(accepted(apply(SAFETY_FACILITATOR, new Moderate(own.id(), Optional.of(QuestionStatus.HIDDEN),
          Optional.empty())))).isNotNull();
      Outcome refused = apply(SAFETY_FACILITATOR, new Moderate(other.id(), Optional.empty(), Optional.of(true)));
      assertThat(reasonOf(refused)).isEqualTo(Rejection.Reason.FORBIDDEN);
      assertThat(session.questions().find(other.id()).orElseThrow().highlighted()).isFalse();
    }

    @Test
    @DisplayName("a facilitator writes key messages and notes for their own group only")
    void messagesAndNotesOwnGroupOnly() {
      KeyMessage own = message(SAFETY_FACILITATOR, "Audits must be independent", Optional.empty());
      assertThat(own.groupId()).contains(safety);
      assertThat(reasonOf(apply(SAFETY_FACILITATOR, new CreateMessage("Not mine", List.of(), Optional.of(ethics)))))
          .isEqualTo(Rejection.Reason.FORBIDDEN);
      KeyMessage theirs = message(ETHICS_FACILITATOR, "Rights first", Optional.empty());
      assertThat(reasonOf(apply(SAFETY_FACILITATOR, new EditMessage(theirs.id(), Optional.of("Changed"),
          Optional.empty())))).isEqualTo(Rejection.Reason.FORBIDDEN);
      assertThat(accepted(apply(SAFETY_FACILITATOR, new WriteNotes(safety, "Audits, budgets")))).isNotNull();
      assertThat(reasonOf(apply(SAFETY_FACILITATOR, new WriteNotes(ethics, "Sneaky"))))
          .isEqualTo(Rejection.Reason.FORBIDDEN);
      assertThat(session.breakouts().notes(ethics)).isEmpty();
    }

    @Test
    @DisplayName("the moderator puts each facilitator in the queue for a five-minute briefing named after the group")
    void briefings() {
      accepted(apply(MODERATOR, new RequestBriefing(Optional.empty(), Optional.empty())));
      List<QueueEntry> waiting = session.queue().waiting();
      assertThat(waiting).extracting(QueueEntry::participantId).containsExactly(safety, ethics);
      assertThat(waiting).allSatisfy(e -> assertThat(e.limitSeconds()).contains(Limits.BRIEFING_SECONDS));
      assertThat(waiting.get(0).topic()).contains("Security and safety");
      assertThat(reasonOf(apply(MODERATOR, new RequestBriefing(Optional.of(safety), Optional.empty()))))
          .isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(reasonOf(apply(SAFETY_FACILITATOR, new RequestBriefing(Optional.of(safety), Optional.empty()))))
          .isEqualTo(Rejection.Reason.FORBIDDEN);
      accepted(apply(MODERATOR, new CallNext(Optional.empty())));
      accepted(apply(MODERATOR, new CallNext(Optional.empty())));
      assertThat(session.queue().log()).singleElement().satisfies(s -> {
        assertThat(s.participantId()).isEqualTo(safety);
        assertThat(s.durationMs()).isEqualTo(10_000);
      });
    }
  }

  @Nested
  @DisplayName("phases")
  class Phases {
    @Test
    @DisplayName("takes no new questions once the session is in review or closed")
    void noQuestionsAfterLive() {
      join(ALICE, "Alice", Optional.of(safety));
      moveTo(Phase.REVIEW);
      assertThat(reasonOf(apply(ALICE, new Ask("Late?", false, Optional.empty())))).isEqualTo(Rejection.Reason.CONFLICT);
      moveTo(Phase.CLOSED);
      assertThat(reasonOf(apply(ALICE, new Ask("Later?", false, Optional.empty())))).isEqualTo(Rejection.Reason.CONFLICT);
    }

    @Test
    @DisplayName("takes comments on key messages only during review")
    void commentsOnlyInReview() {
      join(ALICE, "Alice", Optional.of(safety));
      KeyMessage message = message(MODERATOR, "Independent audits", Optional.of(safety));
      assertThat(reasonOf(apply(ALICE, new CommentMessage(message.id(), "Too early")))).isEqualTo(Rejection.Reason.CONFLICT);
      moveTo(Phase.REVIEW);
      KeyMessage commented = (KeyMessage) accepted(apply(ALICE, new CommentMessage(message.id(), "Add funding")));
      assertThat(commented.comments()).extracting(ReviewComment::text).containsExactly("Add funding");
      assertThat(reasonOf(apply(MODERATOR, new CommentMessage(message.id(), "Mine"))))
          .isEqualTo(Rejection.Reason.FORBIDDEN);
      moveTo(Phase.CLOSED);
      assertThat(reasonOf(apply(ALICE, new CommentMessage(message.id(), "Too late"))))
          .isEqualTo(Rejection.Reason.CONFLICT);
    }

    @Test
    @DisplayName("lets nothing be edited once closed: messages, notes, groups, moderation, the session itself")
    void nothingEditableOnceClosed() {
      join(ALICE, "Alice", Optional.of(safety));
      Question question = ask(ALICE, "Audits?");
      KeyMessage message = message(MODERATOR, "Independent audits", Optional.of(safety));
      moveTo(Phase.REVIEW);
      assertThat(((KeyMessage) accepted(apply(MODERATOR, new EditMessage(message.id(), Optional.of("Audits by peers"),
          Optional.of(List.of(question.id())))))).questionIds()).containsExactly(question.id());
      moveTo(Phase.CLOSED);
      long before = seq;
      List<Outcome> attempts = List.of(
          apply(MODERATOR, new EditMessage(message.id(), Optional.of("Again"), Optional.empty())),
          apply(MODERATOR, new CreateMessage("New", List.of(), Optional.empty())),
          apply(SAFETY_FACILITATOR, new WriteNotes(safety, "late notes")),
          apply(MODERATOR, new CreateGroup("Late group", "late-hash", Optional.empty())),
          apply(MODERATOR, new Moderate(question.id(), Optional.empty(), Optional.of(true))),
          apply(MODERATOR, new UpdateSession(Optional.of("Renamed"), Optional.empty(), Optional.empty(), Optional.empty())));
      assertThat(attempts).allSatisfy(o -> assertThat(reasonOf(o)).isEqualTo(Rejection.Reason.CONFLICT));
      assertThat(seq - before).isEqualTo(attempts.size());
      assertThat(session.breakouts().message(message.id()).orElseThrow().text()).isEqualTo("Audits by peers");
      assertThat(session.breakouts().groups()).hasSize(2);
    }
  }

  @Nested
  @DisplayName("group audience")
  class GroupAudience {
    private List<Audience> audiencesOf(Outcome outcome) {
      assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
      return ((Outcome.Accepted) outcome).events().stream().map(Event::audience).toList();
    }

    @Test
    @DisplayName("tells the group about every change of its questions, pending and hidden ones too, once per entry")
    void questionChangesReachTheGroup() {
      accepted(apply(MODERATOR, new UpdateSession(Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(Moderation.PRE))));
      Participant alice = join(ALICE, "Alice", Optional.of(safety));
      Outcome asked = apply(ALICE, new Ask("Pending in safety", false, Optional.empty()));
      assertThat(audiencesOf(asked)).containsExactlyInAnyOrder(Audience.MODERATORS, Audience.participant(alice.id()),
          Audience.group(safety));
      String id = ((Question) accepted(asked)).id();
      Outcome hidden = apply(SAFETY_FACILITATOR, new Moderate(id, Optional.of(QuestionStatus.HIDDEN), Optional.empty()));
      assertThat(audiencesOf(hidden)).containsExactlyInAnyOrder(Audience.MODERATORS, Audience.participant(alice.id()),
          Audience.group(safety));
      Outcome shown = apply(MODERATOR, new Moderate(id, Optional.of(QuestionStatus.VISIBLE), Optional.empty()));
      assertThat(audiencesOf(shown)).containsExactlyInAnyOrder(Audience.MODERATORS, Audience.EVERYONE,
          Audience.participant(alice.id()), Audience.group(safety));
    }

    @Test
    @DisplayName("keeps questions without a group off every group's audience")
    void plenaryQuestionsStayOffGroups() {
      join(ALICE, "Alice", Optional.empty());
      assertThat(audiencesOf(apply(ALICE, new Ask("Plenary", false, Optional.empty()))))
          .noneMatch(audience -> audience instanceof Audience.Group);
    }

    @Test
    @DisplayName("tells the group and the moderator when its notes pad changes")
    void notesReachTheGroup() {
      assertThat(audiencesOf(apply(SAFETY_FACILITATOR, new WriteNotes(safety, "Three points"))))
          .containsExactlyInAnyOrder(Audience.MODERATORS, Audience.group(safety));
    }
  }
}
