package org.openfloor.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * When each vote was sent ({@code System.nanoTime()}, one clock for every process on the machine), by
 * question and by its rank among that question's votes: the k-th vote on a question is what an update
 * counting k votes newly includes. Kept in memory, or in a file mapped by the voting JVM and read by the
 * generator processes holding the attendees.
 */
final class SentTimes {
  private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private final ByteBuffer buffer;
  private final int questions;
  private final int perQuestion;

  private SentTimes(ByteBuffer buffer, int questions, int perQuestion) {
    this.buffer = buffer;
    this.questions = questions;
    this.perQuestion = perQuestion;
  }

  static SentTimes inMemory(int questions, int perQuestion) {
    return new SentTimes(ByteBuffer.allocateDirect(questions * perQuestion * Long.BYTES), questions, perQuestion);
  }

  /** A fresh file of the right size, mapped for writing (the voting side). */
  static SentTimes create(Path file, int questions, int perQuestion) throws IOException {
    Files.deleteIfExists(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      return new SentTimes(channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) questions * perQuestion * Long.BYTES),
          questions, perQuestion);
    }
  }

  /** The file another process created, mapped for reading (a generator process). */
  static SentTimes open(Path file, int questions, int perQuestion) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return new SentTimes(channel.map(FileChannel.MapMode.READ_ONLY, 0, (long) questions * perQuestion * Long.BYTES),
          questions, perQuestion);
    }
  }

  int questions() {
    return questions;
  }

  /** How many votes per question can be recorded. */
  int perQuestion() {
    return perQuestion;
  }

  void set(int question, int rank, long nanos) {
    LONGS.setRelease(buffer, offset(question, rank), nanos);
  }

  /** When the vote of that rank was sent, or 0 if it has not been. */
  long get(int question, int rank) {
    return (long) LONGS.getAcquire(buffer, offset(question, rank));
  }

  private int offset(int question, int rank) {
    return (question * perQuestion + rank) * Long.BYTES;
  }
}
