package org.openfloor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openfloor.domain.Balance;
import org.openfloor.domain.Group;
import org.openfloor.domain.KeyMessage;
import org.openfloor.domain.Participant;
import org.openfloor.domain.Poll;
import org.openfloor.domain.PollKind;
import org.openfloor.domain.PollState;
import org.openfloor.domain.Question;
import org.openfloor.domain.Session;
import org.openfloor.domain.Stakeholder;

/** Gathers a session's public content into a {@link Report}: nothing pending or hidden, no draft polls. */
public final class ReportBuilder {
  private ReportBuilder() {
  }

  public static Report of(Session session, long seq) {
    List<Report.Section> sections = new ArrayList<>();
    for (Group group : session.breakouts().groups()) {
      sections.add(section(session, Optional.of(group.id()), group.name(), group.facilitatorName()));
    }
    Report.Section plenary = section(session, Optional.empty(), "", Optional.empty());
    if (!plenary.messages().isEmpty() || !plenary.highlighted().isEmpty()) {
      sections.add(plenary);
    }
    List<org.openfloor.domain.Speech> log = session.queue().log();
    List<org.openfloor.domain.Speech> openFloor = log.stream()
        .filter(s -> session.breakouts().find(s.participantId()).isEmpty()).toList();
    return new Report(session.code(), session.info().title(), session.info().createdAt(), session.info().phase(),
        session.info().reviewUntil(), seq, sections, log.stream().map(s -> speech(session, s)).toList(),
        Balance.of(openFloor), polls(session));
  }

  private static Report.Section section(Session session, Optional<String> groupId, String name,
                                        Optional<String> facilitator) {
    List<Report.Message> messages = session.breakouts().messages().stream()
        .filter(m -> m.groupId().equals(groupId)).map(m -> message(session, m)).toList();
    List<Report.Comment> highlighted = session.questions().visibleToEveryone().stream()
        .filter(q -> q.highlighted() && q.groupId().equals(groupId)).map(q -> comment(session, q)).toList();
    return new Report.Section(groupId, name, facilitator, messages, highlighted);
  }

  private static Report.Message message(Session session, KeyMessage message) {
    return new Report.Message(message.id(), message.text(), message.questionIds(), message.comments().stream()
        .map(c -> new Report.ReviewComment(c.id(), c.text(), author(session, c.authorId()))).toList());
  }

  private static Report.Comment comment(Session session, Question question) {
    Optional<Report.Author> author = question.anonymous() ? Optional.empty() : author(session, question.authorId());
    return new Report.Comment(question.id(), question.text(), question.votes(), author);
  }

  private static Optional<Report.Author> author(Session session, String participantId) {
    return session.participant(participantId).filter(p -> p.name().isPresent())
        .map(p -> new Report.Author(p.name().get(), p.affiliation()));
  }

  private static Report.Speech speech(Session session, org.openfloor.domain.Speech speech) {
    Optional<Group> group = session.breakouts().find(speech.participantId());
    if (group.isPresent()) {
      return new Report.Speech(group.get().facilitatorName(), Optional.empty(), Optional.empty(), "briefing",
          Optional.empty(), Optional.of(group.get().name()), speech.durationMs());
    }
    Optional<Participant> profile = session.participant(speech.participantId());
    return new Report.Speech(speech.name().or(() -> profile.flatMap(Participant::name)), speech.affiliation(),
        speech.stakeholder().map(Stakeholder::wire), speech.kind().wire(), speech.topic(), Optional.empty(),
        speech.durationMs());
  }

  private static List<Report.PollResult> polls(Session session) {
    return session.polls().visibleToEveryone().stream()
        .filter(p -> p.state() == PollState.CLOSED || p.resultsPublic())
        .map(ReportBuilder::poll).toList();
  }

  private static Report.PollResult poll(Poll poll) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (poll.definition().kind() == PollKind.WORDS) {
      poll.words().stream().filter(w -> !w.hidden()).forEach(w -> counts.put(w.text(), w.count()));
    } else if (poll.definition().kind() == PollKind.RATING) {
      List<Integer> distribution = poll.distribution();
      for (int i = 0; i < distribution.size(); i++) {
        counts.put(String.valueOf(i + 1), distribution.get(i));
      }
    } else {
      for (int i = 0; i < poll.definition().options().size(); i++) {
        counts.put(poll.definition().options().get(i).label(), poll.count(i));
      }
    }
    return new Report.PollResult(poll.id(), poll.definition().question(), poll.definition().kind().wire(),
        poll.state().wire(), poll.total(), counts, poll.average());
  }
}
