package org.openfloor.report;

import java.util.Optional;

/** The report as Markdown: a heading per group section, lists of messages and comments, tables for the floor. */
public final class ReportMarkdown {
  private final Headings h;
  private final StringBuilder out = new StringBuilder();

  private ReportMarkdown(Headings headings) {
    this.h = headings;
  }

  public static String render(Report report, Headings headings) {
    return new ReportMarkdown(headings).document(report);
  }

  private String document(Report report) {
    line("# " + Escaping.markdown(report.title()));
    line("");
    line("*" + h.get("title") + "* · " + h.get("date") + ": " + Durations.date(report.createdAt()) + " · "
        + h.get("code") + ": " + report.code() + " · " + ReportStatus.of(report, h));
    report.sections().forEach(this::section);
    floor(report);
    polls(report);
    reviews(report);
    return out.toString();
  }

  private void section(Report.Section section) {
    line("");
    line("## " + Escaping.markdown(SectionNames.of(section, h)));
    section.facilitator().ifPresent(f -> line("", h.get("facilitator") + ": " + Escaping.markdown(f)));
    line("");
    line("### " + h.get("keyMessages"));
    line("");
    if (section.messages().isEmpty()) {
      line(h.get("noMessages"));
    }
    section.messages().forEach(m -> line("- " + Escaping.markdown(m.text())));
    line("");
    line("### " + h.get("highlighted"));
    line("");
    if (section.highlighted().isEmpty()) {
      line(h.get("noHighlights"));
    }
    section.highlighted().forEach(c -> line("- " + Escaping.markdown(c.text()) + " (" + byline(c.author(), h)
        + ", " + c.votes() + " " + h.get("votes") + ")"));
  }

  private void floor(Report report) {
    line("");
    line("## " + h.get("floor"));
    line("");
    if (report.floor().isEmpty()) {
      line(h.get("floorNone"));
      return;
    }
    line("| " + h.get("who") + " | " + h.get("kind") + " | " + h.get("topic") + " | " + h.get("duration") + " |");
    line("|---|---|---|---|");
    for (Report.Speech s : report.floor()) {
      line("| " + Escaping.markdown(SpeakerNames.of(s, h)) + " | " + h.get("kind." + s.kind()) + " | "
          + Escaping.markdown(s.topic().or(s::group).orElse("")) + " | " + Durations.minutes(s.durationMs()) + " |");
    }
    line("");
    line("### " + h.get("balance"));
    line("");
    line("| " + h.get("stakeholder") + " | " + h.get("speakers") + " | " + h.get("turns") + " | " + h.get("time") + " |");
    line("|---|---|---|---|");
    BalanceRows.of(report.balance()).forEach(r -> line("| " + h.get(r.key()) + " | " + r.tally().speakers() + " | "
        + r.tally().turns() + " | " + Durations.minutes(r.tally().durationMs()) + " |"));
  }

  private void polls(Report report) {
    line("");
    line("## " + h.get("polls"));
    line("");
    if (report.polls().isEmpty()) {
      line(h.get("pollsNone"));
    }
    for (Report.PollResult poll : report.polls()) {
      line("### " + Escaping.markdown(poll.question()));
      line("");
      line(h.get("responses") + ": " + poll.total()
          + poll.average().map(a -> " · " + h.get("average") + ": " + a).orElse(""));
      line("");
      poll.counts().forEach((label, count) -> line("- " + Escaping.markdown(label) + ": " + count));
      line("");
    }
  }

  private void reviews(Report report) {
    line("");
    line("## " + h.get("review"));
    line("");
    if (report.reviewComments().isEmpty()) {
      line(h.get("reviewNone"));
    }
    report.reviewComments().forEach(e -> line("- " + Escaping.markdown(e.getValue().text()) + " (" 
        + byline(e.getValue().author(), h) + "; " + h.get("on") + ": " + Escaping.markdown(e.getKey().text()) + ")"));
  }

  static String byline(Optional<Report.Author> author, Headings h) {
    return author.map(a -> Escaping.markdown(a.name()) + a.affiliation().map(f -> ", " + Escaping.markdown(f)).orElse(""))
        .orElse(h.get("anonymous"));
  }

  private void line(String... parts) {
    for (String part : parts) {
      out.append(part).append('\n');
    }
  }
}
