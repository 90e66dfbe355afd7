package org.openfloor.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the report prints them: durations as m:ss, dates as ISO dates (UTC). */
final class Durations {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private Durations() {
  }

  static String minutes(long millis) {
    long seconds = Math.round(millis / 1000.0);
    return seconds / 60 + ":" + String.format("%02d", seconds % 60);
  }

  static String date(long epochMillis) {
    return DATE.format(Instant.ofEpochMilli(epochMillis));
  }

  static long seconds(long millis) {
    return Math.round(millis / 1000.0);
  }
}
