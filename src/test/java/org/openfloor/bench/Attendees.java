package org.openfloor.bench;

import org.HdrHistogram.Histogram;

/**
 * The attendees of a town-hall run: in this JVM ({@link Audience}) or spread over generator processes
 * ({@link AudienceProcesses}).
 */
interface Attendees {
  /** Connects them all; returns the seconds that took. */
  double connect() throws Exception;

  int opened();

  int failed();

  /** Forgets what was received so far: the measured interval starts. */
  void startMeasuring() throws Exception;

  /** What was received since {@link #startMeasuring()}. */
  Received stopMeasuring() throws Exception;

  void close();

  /** Tally updates and other frames received, and the lag of each update. */
  record Received(long deliveries, long otherFrames, Histogram lag) {
  }
}
