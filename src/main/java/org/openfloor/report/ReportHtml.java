package org.openfloor.report;

import java.util.Optional;

/**
 * The report as a self-contained printable HTML page. Every text, user-written or not, goes
 * through {@link Escaping#html}; the page carries no script.
 */
public final class ReportHtml {
  private static final String STYLE = """
      body{font:16px/1.5 system-ui,sans-serif;color:#111;max-width:48rem;margin:2rem auto;padding:0 1rem}
      h1{font-size:1.8rem;margin-bottom:.25rem}h2{border-bottom:2px solid #333;margin-top:2rem}
      .meta{color:#444}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:start}
      .by{color:#444;font-size:.9em}li{margin:.25rem 0}
      @media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}section{break-inside:avoid-page}a{color:inherit}}
      """;

  private final Headings h;
  private final StringBuilder out = new StringBuilder();

  private ReportHtml(Headings headings) {
    this.h = headings;
  }

  public static String render(Report report, Headings headings) {
    return new ReportHtml(headings).document(report);
  }

  private String document(Report report) {
    out.append("<!doctype html>\n<html lang=\"").append(e(h.language())).append("\" dir=\"")
        .append(h.rightToLeft() ? "rtl" : "ltr").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(e(report.title())).append(" · ").append(e(h.get("title"))).append("</title>\n<style>")
        .append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<h1 dir=\"auto\">").append(e(report.title()))
        .append("</h1>\n<p class=\"meta\">").append(e(h.get("title"))).append(" · ").append(e(h.get("date")))
        .append(": ").append(e(Durations.date(report.createdAt()))).append(" · ").append(e(h.get("code"))).append(": ")
        .append(e(report.code())).append(" · ").append(e(ReportStatus.of(report, h))).append("</p>\n</header>\n<main>\n");
    report.sections().forEach(this::section);
    floor(report);
    polls(report);
    reviews(report);
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private void section(Report.Section section) {
    out.append("<section>\n<h2 dir=\"auto\">").append(e(SectionNames.of(section, h))).append("</h2>\n");
    section.facilitator().ifPresent(f -> out.append("<p class=\"meta\">").append(e(h.get("facilitator"))).append(": <bdi>")
        .append(e(f)).append("</bdi></p>\n"));
    out.append("<h3>").append(e(h.get("keyMessages"))).append("</h3>\n");
    if (section.messages().isEmpty()) {
      out.append("<p>").append(e(h.get("noMessages"))).append("</p>\n");
    } else {
      out.append("<ul>\n");
      section.messages().forEach(m -> out.append("<li dir=\"auto\">").append(e(m.text())).append("</li>\n"));
      out.append("</ul>\n");
    }
    out.append("<h3>").append(e(h.get("highlighted"))).append("</h3>\n");
    if (section.highlighted().isEmpty()) {
      out.append("<p>").append(e(h.get("noHighlights"))).append("</p>\n");
    } else {
      out.append("<ul>\n");
      section.highlighted().forEach(c -> out.append("<li><span dir=\"auto\">").append(e(c.text()))
          .append("</span> <span class=\"by\">(").append(byline(c.author())).append(", ").append(c.votes()).append(' ')
          .append(e(h.get("votes"))).append(")</span></li>\n"));
      out.append("</ul>\n");
    }
    out.append("</section>\n");
  }

  private void floor(Report report) {
    out.append("<section>\n<h2>").append(e(h.get("floor"))).append("</h2>\n");
    if (report.floor().isEmpty()) {
      out.append("<p>").append(e(h.get("floorNone"))).append("</p>\n</section>\n");
      return;
    }
    header(h.get("who"), h.get("kind"), h.get("topic"), h.get("duration"));
    report.floor().forEach(s -> row(SpeakerNames.of(s, h), h.get("kind." + s.kind()),
        s.topic().or(s::group).orElse(""), Durations.minutes(s.durationMs())));
    out.append("</tbody></table>\n<h3>").append(e(h.get("balance"))).append("</h3>\n");
    header(h.get("stakeholder"), h.get("speakers"), h.get("turns"), h.get("time"));
    BalanceRows.of(report.balance()).forEach(r -> row(h.get(r.key()), String.valueOf(r.tally().speakers()),
        String.valueOf(r.tally().turns()), Durations.minutes(r.tally().durationMs())));
    out.append("</tbody></table>\n</section>\n");
  }

  private void polls(Report report) {
    out.append("<section>\n<h2>").append(e(h.get("polls"))).append("</h2>\n");
    if (report.polls().isEmpty()) {
      out.append("<p>").append(e(h.get("pollsNone"))).append("</p>\n");
    }
    for (Report.PollResult poll : report.polls()) {
      out.append("<h3 dir=\"auto\">").append(e(poll.question())).append("</h3>\n<p class=\"meta\">")
          .append(e(h.get("responses"))).append(": ").append(poll.total())
          .append(poll.average().map(a -> " · " + e(h.get("average")) + ": " + a).orElse("")).append("</p>\n<ul>\n");
      poll.counts().forEach((label, count) -> out.append("<li><bdi>").append(e(label)).append("</bdi>: ")
          .append(count).append("</li>\n"));
      out.append("</ul>\n");
    }
    out.append("</section>\n");
  }

  private void reviews(Report report) {
    out.append("<section>\n<h2>").append(e(h.get("review"))).append("</h2>\n");
    if (report.reviewComments().isEmpty()) {
      out.append("<p>").append(e(h.get("reviewNone"))).append("</p>\n");
    } else {
      out.append("<ul>\n");
      report.reviewComments().forEach(entry -> out.append("<li><span dir=\"auto\">").append(e(entry.getValue().text()))
          .append("</span> <span class=\"by\">(").append(byline(entry.getValue().author())).append("; ")
          .append(e(h.get("on"))).append(": <q dir=\"auto\">").append(e(entry.getKey().text())).append("</q>)</span></li>\n"));
      out.append("</ul>\n");
    }
    out.append("</section>\n");
  }

  private void header(String... cells) {
    out.append("<table>\n<thead><tr>");
    for (String cell : cells) {
      out.append("<th scope=\"col\">").append(e(cell)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
  }

  private void row(String... cells) {
    out.append("<tr>");
    for (String cell : cells) {
      out.append("<td dir=\"auto\">").append(e(cell)).append("</td>");
    }
    out.append("</tr>\n");
  }

  private String byline(Optional<Report.Author> author) {
    return author.map(a -> "<bdi>" + e(a.name()) + "</bdi>" + a.affiliation().map(f -> ", <bdi>" + e(f) + "</bdi>").orElse(""))
        .orElse(e(h.get("anonymous")));
  }

  private static String e(String text) {
    return Escaping.html(text);
  }
}
