package org.openfloor.report;

/** Who spoke, as the report writes it: name and affiliation, or for a briefing the facilitator and their group. */
final class SpeakerNames {
  private SpeakerNames() {
  }

  static String of(Report.Speech speech, Headings headings) {
    String name = speech.name().orElse(speech.group().isPresent() ? headings.get("facilitator") : headings.get("anonymous"));
    if (speech.group().isPresent()) {
      return name + " (" + speech.group().get() + ")";
    }
    return name + speech.affiliation().map(a -> ", " + a).orElse("");
  }
}
