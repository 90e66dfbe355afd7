package org.openfloor.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Optional;

import org.openfloor.domain.Balance;
import org.openfloor.domain.Stakeholder;

/**
 * The report as JSON: {@code {code, title, createdAt, date, phase, reviewUntil, seq, sections, floor, balance, polls,
 * reviewComments}}; sections, messages and comments carry the ids of the snapshot's objects.
 */
public final class ReportJson {
  private ReportJson() {
  }

  public static JsonObject of(Report report) {
    JsonArray sections = new JsonArray();
    report.sections().forEach(s -> sections.add(section(s)));
    JsonArray floor = new JsonArray();
    report.floor().forEach(s -> floor.add(speech(s)));
    JsonArray polls = new JsonArray();
    report.polls().forEach(p -> polls.add(poll(p)));
    JsonArray reviews = new JsonArray();
    report.reviewComments().forEach(e -> reviews.add(review(e.getValue()).put("messageId", e.getKey().id())));
    return new JsonObject().put("code", report.code()).put("title", report.title())
        .put("createdAt", report.createdAt()).put("date", Durations.date(report.createdAt()))
        .put("phase", report.phase().wire()).put("reviewUntil", report.reviewUntil().orElse(null))
        .put("seq", report.seq()).put("sections", sections).put("floor", floor)
        .put("balance", balance(report.balance())).put("polls", polls).put("reviewComments", reviews);
  }

  private static JsonObject section(Report.Section section) {
    JsonArray messages = new JsonArray();
    section.messages().forEach(m -> messages.add(message(m)));
    JsonArray highlighted = new JsonArray();
    section.highlighted().forEach(c -> highlighted.add(new JsonObject().put("id", c.id()).put("text", c.text())
        .put("votes", c.votes()).put("author", author(c.author()))));
    return new JsonObject().put("groupId", section.groupId().orElse(null)).put("name", section.name())
        .put("facilitator", section.facilitator().orElse(null)).put("messages", messages)
        .put("highlighted", highlighted);
  }

  private static JsonObject message(Report.Message message) {
    JsonArray comments = new JsonArray();
    message.comments().forEach(c -> comments.add(review(c)));
    return new JsonObject().put("id", message.id()).put("text", message.text())
        .put("questionIds", new JsonArray(message.questionIds())).put("comments", comments);
  }

  private static JsonObject review(Report.ReviewComment comment) {
    return new JsonObject().put("id", comment.id()).put("text", comment.text()).put("author", author(comment.author()));
  }

  private static JsonObject author(Optional<Report.Author> author) {
    return author.map(a -> new JsonObject().put("name", a.name()).put("affiliation", a.affiliation().orElse(null)))
        .orElse(null);
  }

  private static JsonObject speech(Report.Speech speech) {
    return new JsonObject().put("name", speech.name().orElse(null)).put("affiliation", speech.affiliation().orElse(null))
        .put("stakeholder", speech.stakeholder().orElse(null)).put("kind", speech.kind())
        .put("topic", speech.topic().orElse(null)).put("group", speech.group().orElse(null))
        .put("durationMs", speech.durationMs());
  }

  private static JsonObject poll(Report.PollResult poll) {
    JsonArray results = new JsonArray();
    poll.counts().forEach((label, count) -> results.add(new JsonObject().put("label", label).put("count", count)));
    return new JsonObject().put("id", poll.id()).put("question", poll.question()).put("kind", poll.kind())
        .put("state", poll.state()).put("total", poll.total()).put("results", results)
        .put("average", poll.average().orElse(null));
  }

  /** {@code {<stakeholder>: {speakers, turns, durationMs}, …, unspecified, total}}, briefings left out. */
  private static JsonObject balance(Balance balance) {
    JsonObject json = new JsonObject();
    for (Stakeholder stakeholder : Stakeholder.values()) {
      json.put(stakeholder.wire(), tally(balance.byStakeholder().get(stakeholder)));
    }
    return json.put("unspecified", tally(balance.unspecified())).put("total", tally(balance.total()));
  }

  private static JsonObject tally(Balance.Tally tally) {
    return new JsonObject().put("speakers", tally.speakers()).put("turns", tally.turns())
        .put("durationMs", tally.durationMs());
  }
}
