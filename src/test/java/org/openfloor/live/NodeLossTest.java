package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.log.LogEntry;
import org.openfloor.log.RedisCommandLog;
import org.openfloor.log.RedisLogOptions;
import org.openfloor.log.RedisTestServer;
import org.openfloor.testing.Api;
import org.openfloor.testing.ResumingClient;
import org.openfloor.testing.ServerProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openfloor.testing.Await;
import static org.openfloor.testing.Await.await;
import org.openfloor.live.wire.CommandCodec;

@ExtendWith(VertxExtension.class)
@DisplayName("Three node JVMs on one Redis when one is killed with kill -9 in the middle of a stream of questions")
class NodeLossTest {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLossTest.class);
  private static final int NODES = 3;
  private static final int CLIENTS_PER_NODE = 3;
  private static final int KILLED = 1;
  private static final int ACKED_BEFORE_KILL = 150;
  private static final int ACKED_AFTER_KILL = 150;
  private static final int SIGKILL_EXIT = 137;
  private static final long WAIT_SECONDS = 60;

  @TempDir
  Path dataDir;

  private final List<ServerProcess> nodes = new ArrayList<>();
  private final List<Api> apis = new ArrayList<>();
  private final List<ResumingClient> clients = new ArrayList<>();
  private RedisCommandLog log;

  @BeforeEach
  void startThreeNodes(Vertx vertx) {
    String url = RedisTestServer.shared().url();
    String prefix = "loss-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    Map<String, String> environment = Map.of("OPENFLOOR_LOG", "redis", "OPENFLOOR_REDIS_URL", url,
        "OPENFLOOR_REDIS_KEY_PREFIX", prefix, "OPENFLOOR_RATE_COMMANDS_PER_SECOND", "10000",
        "OPENFLOOR_RATE_BURST", "10000");
    for (int i = 0; i < NODES; i++) {
      nodes.add(startNode(dataDir.resolve("node" + i), environment));
    }
    nodes.forEach(node -> apis.add(new Api(vertx, node.port())));
    log = await(RedisCommandLog.open(vertx, RedisLogOptions.of(url).withKeyPrefix(prefix)));
  }

  private static ServerProcess startNode(Path dir, Map<String, String> environment) {
    try {
      Files.createDirectories(dir);
      return ServerProcess.start(dir, dir.resolve("server.log"), environment);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stopNodes() throws InterruptedException {
    clients.forEach(c -> await(c.stop()));
    apis.forEach(Api::close);
    for (ServerProcess node : nodes) {
      node.kill();
    }
    if (log != null) {
      await(log.close());
    }
  }

  @Test
  @DisplayName("let the killed node's clients resume on another node, and give every client exactly the events "
      + "of the session log: the same (seq, type) in the same order, nothing missed or doubled")
  void clientsOfAKilledNodeResumeElsewhere(Vertx vertx, VertxTestContext testContext) throws Exception {
    String code = await(apis.get(0).createSession("Node loss", "post")).getString("code");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      tokens.add(await(apis.get(i).join(code, "Writer " + i)).getString("token"));
    }
    long startSeq = await(apis.get(0).snapshot(code, null)).getLong("seq");
    List<Integer> ports = nodes.stream().map(ServerProcess::port).toList();
    for (int i = 0; i < NODES * CLIENTS_PER_NODE; i++) {
      clients.add(await(ResumingClient.start(vertx, ports, i % NODES, code, startSeq)));
    }

    Writer writer = new Writer(apis, code, tokens);
    Thread writing = new Thread(writer, "questions");
    writing.start();
    waitUntil(() -> writer.acked.size() >= ACKED_BEFORE_KILL);
    ServerProcess killed = nodes.get(KILLED);
    killed.kill();
    int exitCode = killed.exitCode();
    int ackedAtKill = writer.acked.size();
    waitUntil(() -> writer.acked.size() >= ackedAtKill + ACKED_AFTER_KILL);
    writer.running.set(false);
    writing.join(Await.PATIENCE.toMillis());
    assertThat(writing.isAlive()).as("the writer stopped").isFalse();

    List<LogEntry> entries = await(log.read(code, 0, 100_000));
    LogView view = LogView.of(entries, startSeq);
    long lastEventSeq = Long.parseLong(view.expected().get(view.expected().size() - 1).split(" ")[0]);
    List<ResumingClient> movedClients = clients.stream().filter(c -> c.nodes().get(0) == KILLED).toList();
    waitUntil(() -> clients.stream().allMatch(c -> c.lastSeq() >= lastEventSeq));
    LOG.info("Node loss: {} questions submitted ({} HTTP attempts, {} failed and retried on the next node), {} acked; "
            + "node {} killed with kill -9 (exit {}) after {} acks; its {} clients resumed on nodes {} within {} ms; "
            + "the log holds {} entries ({} asks appended twice by a retry); each of {} clients saw {} events",
        writer.submitted.get(), writer.attempts.get(), writer.retries.get(), writer.acked.size(), KILLED, exitCode,
        ackedAtKill, movedClients.size(), movedClients.stream().map(c -> c.nodes().get(1)).toList(),
        movedClients.stream().mapToLong(ResumingClient::resumeMillis).max().orElse(-1), entries.size(),
        view.repeatedAsks(), clients.size(), view.expected().size());
    testContext.verify(() -> {
      assertThat(exitCode).isEqualTo(SIGKILL_EXIT);
      assertThat(view.otherTypes()).isEmpty();
      assertThat(view.requestIds()).containsAll(writer.acked.keySet());
      assertThat(view.expected()).hasSize(view.requestIds().size());
      assertThat(movedClients).hasSize(CLIENTS_PER_NODE).allSatisfy(c -> {
        assertThat(c.nodes()).hasSize(2).doesNotHaveDuplicates();
        assertThat(c.resumesComplete()).containsOnly(true);
      });
      assertThat(clients).allSatisfy(c -> {
        assertThat(c.history()).isEqualTo(view.expected());
        assertThat(c.pushesOutOfOrder()).isZero();
      });
    });
    testContext.completeNow();
  }

  /**
   * What the log says every client should have seen after {@code startSeq}: one public {@code question} event
   * per ask, except for an ask whose request id was already appended (a retry), which the nodes answer from
   * their ledger without an event.
   */
  private record LogView(List<String> expected, Set<String> requestIds, int repeatedAsks, List<String> otherTypes) {
    static LogView of(List<LogEntry> entries, long startSeq) {
      List<String> expected = new ArrayList<>();
      Set<String> requestIds = new HashSet<>();
      List<String> others = new ArrayList<>();
      int repeated = 0;
      for (LogEntry entry : entries) {
        JsonObject envelope = new JsonObject(entry.payload());
        String type = envelope.getString("t");
        if (entry.seq() <= startSeq) {
          continue;
        }
        if (!CommandCodec.ASK.equals(type)) {
          others.add(entry.seq() + " " + type);
        } else if (requestIds.add(envelope.getString("r"))) {
          expected.add(entry.seq() + " question");
        } else {
          repeated++;
        }
      }
      return new LogView(expected, requestIds, repeated, others);
    }
  }

  /**
   * Asks numbered questions one after another, round robin over the nodes; a request that fails (the node is
   * gone) is sent again with the same request id to the next node until one acknowledges it.
   */
  private static final class Writer implements Runnable {
    private final List<Api> apis;
    private final String code;
    private final List<String> tokens;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Integer> acked = new ConcurrentHashMap<>();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    Writer(List<Api> apis, String code, List<String> tokens) {
      this.apis = apis;
      this.code = code;
      this.tokens = tokens;
    }

    @Override
    public void run() {
      for (int i = 0; running.get(); i++) {
        submit("ask-" + i, "Question " + i, tokens.get(i % tokens.size()), i % apis.size());
      }
    }

    /** Sends the question to node {@code first}, then to the next ones in turn, until one acknowledges it. */
    private void submit(String requestId, String text, String token, int first) {
      JsonObject body = new JsonObject().put("text", text).put("requestId", requestId);
      submitted.incrementAndGet();
      int node = first;
      do {
        attempts.incrementAndGet();
        HttpResponse<Buffer> response = await(apis.get(node).call(HttpMethod.POST, "/api/sessions/" + code + "/questions",
            token, body).otherwiseEmpty());
        if (response != null && response.statusCode() == 201) {
          acked.put(requestId, node);
          return;
        }
        retries.incrementAndGet();
        node = (node + 1) % apis.size();
      } while (running.get());
    }
  }

  private static void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT_SECONDS + " s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
