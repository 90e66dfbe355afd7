package org.openfloor.bench;

import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A generator process of {@code --generators K}: holds its share of the attendees ({@link Audience}) in a JVM of
 * its own and reads the vote send times from the file the voting JVM maps ({@link SentTimes}). Driven through
 * its standard input and output, one line each way:
 * {@code READY}, then {@code CONNECT} → {@code CONNECTED opened failed seconds}, {@code MEASURE} →
 * {@code MEASURING}, {@code STOP} → {@code RESULT deliveries otherFrames histogram} (HdrHistogram, compressed,
 * Base64); it exits when its standard input closes.
 */
public final class AudienceProcess {
  private AudienceProcess() {
  }

  /**
   * Arguments: wire, ports (comma-separated), session code, question ids (comma-separated), attendees, offset,
   * event loops, sent-times file, votes recorded per question, transport.
   */
  public static void main(String[] args) throws Exception {
    Wire wire = Wire.valueOf(args[0]);
    List<Integer> ports = Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList();
    List<String> questionIds = List.of(args[3].split(","));
    int threads = Integer.parseInt(args[6]);
    SentTimes sent = SentTimes.open(Path.of(args[7]), questionIds.size(), Integer.parseInt(args[8]));
    Vertx vertx = TownHallBench.generatorVertx(threads, args[9]);
    Audience audience = new Audience(vertx, threads, wire, ports, Integer.parseInt(args[4]),
        Integer.parseInt(args[5]), args[2], questionIds, sent);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    reply("READY");
    String command;
    while ((command = in.readLine()) != null) {
      switch (command) {
        case "CONNECT" -> {
          double seconds = audience.connect();
          reply("CONNECTED " + audience.opened() + " " + audience.failed() + " " + seconds);
        }
        case "MEASURE" -> {
          audience.startMeasuring();
          reply("MEASURING");
        }
        case "STOP" -> {
          Attendees.Received received = audience.stopMeasuring();
          ByteBuffer buffer = ByteBuffer.allocate(received.lag().getNeededByteBufferCapacity());
          int length = received.lag().encodeIntoCompressedByteBuffer(buffer);
          reply("RESULT " + received.deliveries() + " " + received.otherFrames() + " "
              + Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)));
        }
        default -> reply("UNKNOWN " + command);
      }
    }
    vertx.close().await();
    System.exit(0);
  }

  private static void reply(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
