package org.openfloor.report;

/** What a section is called: its group's name, or the translated name of the plenary. */
final class SectionNames {
  private SectionNames() {
  }

  static String of(Report.Section section, Headings headings) {
    return section.groupId().isPresent() ? section.name() : headings.get("plenary");
  }
}
