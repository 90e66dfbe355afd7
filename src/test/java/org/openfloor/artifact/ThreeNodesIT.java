package org.openfloor.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openfloor.testing.Await.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.live.wire.Addresses;
import org.openfloor.testing.Api;
import org.openfloor.testing.RawWebSocket;
import org.openfloor.testing.ServerProcess;

/**
 * The quick start of docs/operations.md, run as written: {@code bash docs/three-nodes.sh} starts one Redis and
 * three {@code java -jar target/openfloor.jar} processes; a question asked on one node reaches a client of
 * another; {@code bash docs/three-nodes.sh stop} stops them all. Only the ports and the directory differ from
 * the defaults, through the script's environment variables.
 */
@DisplayName("docs/three-nodes.sh: three nodes of the jar on one Redis")
class ThreeNodesIT {
  private static final Duration SCRIPT_PATIENCE = Duration.ofSeconds(180);

  @TempDir
  Path work;

  @Test
  @DisplayName("starts Redis and three healthy nodes; a question asked on the first is pushed to a client of the third")
  void quickStart() throws Exception {
    assertThat(Path.of("/usr/bin/redis-server")).as("redis-server (Debian package redis-server)").isExecutable();
    JarProcess.jar();
    List<Integer> ports = List.of(ServerProcess.freePort(), ServerProcess.freePort(), ServerProcess.freePort());
    Map<String, String> environment = Map.of("REDIS_PORT", String.valueOf(ServerProcess.freePort()),
        "NODE_PORTS", String.join(" ", ports.stream().map(String::valueOf).toList()),
        "THREE_NODES_DIR", work.toString(),
        "PATH", Path.of(JarProcess.java()).getParent() + ":" + System.getenv("PATH"));
    Vertx vertx = Vertx.vertx();
    try {
      Script started = script(environment, "start");
      assertThat(started.exit()).as("the script's output:\n%s", started.output()).isZero();
      for (int port : ports) {
        assertThat(started.output()).contains("node " + port + ": {\"status\":\"ready\"");
      }
      assertThat(started.output()).contains("started Redis");

      Api first = new Api(vertx, ports.get(0));
      Api third = new Api(vertx, ports.get(2));
      String code = await(first.createSession("Three nodes", "post")).getString("code");
      RawWebSocket listener = await(RawWebSocket.plain(vertx, ports.get(2)));
      listener.register(Addresses.publicOf(code));
      await(listener.command(new JsonObject().put("type", "sync").put("session", code), null));
      String token = await(first.join(code, "Amina")).getString("token");
      await(first.ask(code, token, "Asked on the first node, seen on the third?"));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && questionsPushed(listener).isEmpty()) {
        JarProcess.sleep(20);
      }
      assertThat(questionsPushed(listener)).as("pushed to the third node's client: %s", listener.received())
          .containsExactly("Asked on the first node, seen on the third?");
      assertThat(await(third.snapshot(code, null)).getJsonArray("questions")).hasSize(1);
      await(listener.close());
      first.close();
      third.close();
    } finally {
      Script stopped = script(environment, "stop");
      await(vertx.close());
      assertThat(stopped.exit()).as("stop's output:\n%s", stopped.output()).isZero();
    }
    for (int port : ports) {
      assertThat(work.resolve("node-" + port + ".pid")).as("node %s stopped", port).doesNotExist();
      JarIT.assertClean(Files.readString(work.resolve("node-" + port + ".log")));
    }
    assertThat(work.resolve("redis.pid")).doesNotExist();
  }

  private record Script(int exit, String output) { }

  private static List<String> questionsPushed(RawWebSocket socket) {
    return socket.bridgeMessages().stream().filter(m -> "rec".equals(m.getString("type"))
        && "question".equals(m.getJsonObject("body").getString("type")))
        .map(m -> m.getJsonObject("body").getJsonObject("question").getString("text")).toList();
  }

  private Script script(Map<String, String> environment, String argument) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "docs/three-nodes.sh"));
    if (!argument.equals("start")) {
      command.add(argument);
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(JarProcess.basedir().toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("OPENFLOOR_"));
    builder.environment().putAll(environment);
    Path output = work.resolve("script-" + argument + ".out");
    builder.redirectErrorStream(true).redirectOutput(output.toFile());
    Process process = builder.start();
    if (!process.waitFor(SCRIPT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("bash docs/three-nodes.sh " + argument + " did not finish within "
          + SCRIPT_PATIENCE.toSeconds() + " s:\n" + Files.readString(output));
    }
    return new Script(process.exitValue(), Files.readString(output));
  }
}
