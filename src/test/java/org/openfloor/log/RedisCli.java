package org.openfloor.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code redis-cli} against a local port for tests: one command, its raw output. */
public final class RedisCli {
  private static final String REDIS_CLI = System.getenv().getOrDefault("OPENFLOOR_REDIS_CLI", "redis-cli");

  private RedisCli() {
  }

  /** The output of {@code redis-cli -p port args…}; empty if the server did not answer. */
  public static String run(int port, String... args) {
    List<String> command = new ArrayList<>(List.of(REDIS_CLI, "-h", "127.0.0.1", "-p", String.valueOf(port)));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "";
      }
      return process.exitValue() == 0 ? output : "";
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + REDIS_CLI + " (Debian package redis-tools, installed with "
          + "redis-server)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
