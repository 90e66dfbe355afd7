package org.openfloor.report;

import java.util.Optional;

/** The formats a report is served in, with their media types and file extensions. */
public enum ReportFormat {
  MD("text/markdown; charset=utf-8", "md"),
  HTML("text/html; charset=utf-8", "html"),
  CSV("text/csv; charset=utf-8", "csv"),
  JSON("application/json", "json");

  private final String mediaType;
  private final String extension;

  ReportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public static Optional<ReportFormat> of(String name) {
    for (ReportFormat format : values()) {
      if (format.extension.equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The rendered report in this format. */
  public String render(Report report, Headings headings) {
    return switch (this) {
      case MD -> ReportMarkdown.render(report, headings);
      case HTML -> ReportHtml.render(report, headings);
      case CSV -> ReportCsv.render(report);
      case JSON -> ReportJson.of(report).encode();
    };
  }
}
