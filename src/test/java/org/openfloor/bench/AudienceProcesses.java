package org.openfloor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/** The attendees spread over K generator processes ({@link AudienceProcess}), their results merged. */
final class AudienceProcesses implements Attendees {
  private final List<Child> children = new ArrayList<>();
  private int opened;
  private int failed;

  /**
   * Starts {@code processes} JVMs with {@code jvmOptions}, each holding its share of {@code attendees} on
   * {@code threads} event loops, reading vote send times from {@code sentFile}.
   */
  AudienceProcesses(int processes, List<String> jvmOptions, int threads, String transport, Wire wire,
                    List<Integer> ports,
                    int attendees, String code, List<String> questionIds, Path sentFile, int perQuestion)
      throws IOException {
    int start = 0;
    for (int i = 0; i < processes; i++) {
      int share = attendees / processes + (i < attendees % processes ? 1 : 0);
      List<String> command = new ArrayList<>(List.of(BenchServer.javaBin()));
      command.addAll(jvmOptions);
      command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
          AudienceProcess.class.getName(),
          wire.name(), ports.stream().map(String::valueOf).collect(Collectors.joining(",")), code,
          String.join(",", questionIds), String.valueOf(share), String.valueOf(start), String.valueOf(threads),
          sentFile.toString(), String.valueOf(perQuestion), transport));
      children.add(new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start()));
      start += share;
    }
    for (Child child : children) {
      child.expect("READY");
    }
  }

  @Override
  public double connect() throws IOException {
    long begin = System.nanoTime();
    children.forEach(c -> c.send("CONNECT"));
    for (Child child : children) {
      String[] parts = child.expect("CONNECTED").split(" ");
      opened += Integer.parseInt(parts[1]);
      failed += Integer.parseInt(parts[2]);
    }
    return (System.nanoTime() - begin) / 1e9;
  }

  @Override
  public int opened() {
    return opened;
  }

  @Override
  public int failed() {
    return failed;
  }

  @Override
  public void startMeasuring() throws IOException {
    children.forEach(c -> c.send("MEASURE"));
    for (Child child : children) {
      child.expect("MEASURING");
    }
  }

  @Override
  public Received stopMeasuring() throws IOException {
    children.forEach(c -> c.send("STOP"));
    long deliveries = 0;
    long other = 0;
    Histogram lag = new Histogram(3_600_000_000_000L, 3);
    for (Child child : children) {
      String[] parts = child.expect("RESULT").split(" ");
      deliveries += Long.parseLong(parts[1]);
      other += Long.parseLong(parts[2]);
      try {
        lag.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(parts[3])), 0));
      } catch (java.util.zip.DataFormatException e) {
        throw new IOException("unreadable histogram from a generator process", e);
      }
    }
    return new Received(deliveries, other, lag);
  }

  @Override
  public void close() {
    for (Child child : children) {
      child.stop();
    }
  }

  /** One generator process and its line protocol. */
  private static final class Child {
    private final Process process;
    private final PrintWriter out;
    private final BufferedReader in;

    Child(Process process) {
      this.process = process;
      this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    void send(String line) {
      out.println(line);
    }

    String expect(String prefix) throws IOException {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith(prefix)) {
          return line;
        }
        System.out.println("generator " + process.pid() + ": " + line);
      }
      throw new IOException("generator process " + process.pid() + " ended before " + prefix);
    }

    void stop() {
      out.close();
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
