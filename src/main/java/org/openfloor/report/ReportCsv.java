package org.openfloor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report as CSV (RFC 4180, CRLF line ends, a header row): one row per key message,
 * highlighted comment, turn at the microphone, stakeholder group of the balance, poll result
 * and review comment. Column names and kinds are fixed identifiers, not translated.
 */
public final class ReportCsv {
  public static final List<String> COLUMNS = List.of("section", "group", "kind", "id", "text", "author", "affiliation",
      "stakeholder", "votes", "count", "duration_seconds", "refers_to");

  private final List<List<String>> rows = new ArrayList<>();

  private ReportCsv() {
  }

  public static String render(Report report) {
    ReportCsv csv = new ReportCsv();
    csv.rows.add(COLUMNS);
    csv.collect(report);
    StringBuilder out = new StringBuilder();
    csv.rows.forEach(row -> out.append(String.join(",", row.stream().map(Escaping::csv).toList())).append("\r\n"));
    return out.toString();
  }

  private void collect(Report report) {
    for (Report.Section section : report.sections()) {
      String group = section.groupId().isPresent() ? section.name() : "";
      section.messages().forEach(m -> add("key-messages", group, "message", m.id(), m.text(), Optional.empty(), "",
          "", "", "", String.join(" ", m.questionIds())));
      section.highlighted().forEach(c -> add("highlighted", group, "comment", c.id(), c.text(), c.author(), "",
          String.valueOf(c.votes()), "", "", ""));
    }
    for (Report.Speech s : report.floor()) {
      Optional<Report.Author> who = s.name().map(n -> new Report.Author(n, s.affiliation()));
      add("floor", s.group().orElse(""), s.kind(), "", s.topic().orElse(""), who, s.stakeholder().orElse(""), "", "",
          String.valueOf(Durations.seconds(s.durationMs())), "");
    }
    BalanceRows.of(report.balance()).forEach(r -> add("balance", "", "stakeholder", "", "", Optional.empty(),
        r.key().substring("stakeholder.".length()), "", String.valueOf(r.tally().turns()),
        String.valueOf(Durations.seconds(r.tally().durationMs())), ""));
    for (Report.PollResult poll : report.polls()) {
      poll.counts().forEach((label, count) -> add("polls", "", poll.kind(), poll.id(), label, Optional.empty(), "", "",
          String.valueOf(count), "", poll.question()));
    }
    report.reviewComments().forEach(e -> add("review", "", "comment", e.getValue().id(), e.getValue().text(),
        e.getValue().author(), "", "", "", "", e.getKey().id()));
  }

  private void add(String section, String group, String kind, String id, String text, Optional<Report.Author> author,
                   String stakeholder, String votes, String count, String seconds, String refersTo) {
    rows.add(List.of(section, group, kind, id, text, author.map(Report.Author::name).orElse(""),
        author.flatMap(Report.Author::affiliation).orElse(""), stakeholder, votes, count, seconds, refersTo));
  }
}
