package org.openfloor.report;

/** The line that says whether the report is a draft, open for comments until when, or final. */
final class ReportStatus {
  private ReportStatus() {
  }

  static String of(Report report, Headings headings) {
    return switch (report.phase()) {
      case LIVE -> headings.get("status.live");
      case REVIEW -> report.reviewUntil().map(until -> headings.get("status.reviewUntil", Durations.date(until)))
          .orElse(headings.get("status.review"));
      case CLOSED -> headings.get("status.closed");
    };
  }
}
