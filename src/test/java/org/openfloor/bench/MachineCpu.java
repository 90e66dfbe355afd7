package org.openfloor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole machine's CPU use from {@code /proc/stat}: how many cores were busy between two readings. */
record MachineCpu(long busyTicks, long totalTicks) {

  static MachineCpu now() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(fields.length, 9); i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new MachineCpu(total - idle, total);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cores busy on average since {@code earlier}, of {@link Runtime#availableProcessors()}. */
  double coresBusySince(MachineCpu earlier) {
    long total = totalTicks - earlier.totalTicks;
    return total == 0 ? 0 : (busyTicks - earlier.busyTicks) / (double) total * Runtime.getRuntime().availableProcessors();
  }
}
