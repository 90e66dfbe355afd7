package org.openfloor.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.ServerProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soak: a server JVM with {@code clients} attendee sockets that vote, ask and reconnect for
 * {@code minutes}; prints per minute the server's heap after a full GC, its open file descriptors
 * and its open bridge sockets, then whether each stayed within 10% between minute 5 (or the first
 * minute of a shorter run) and the end. A reconnection that fails is counted and retried the next
 * second. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openfloor.bench.SoakRun
 * -Dsoak.minutes=30}.
 */
public final class SoakRun {
  private static final Logger LOG = LoggerFactory.getLogger(SoakRun.class);
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private SoakRun() {
  }

  public static void main(String[] args) throws Exception {
    int minutes = Integer.getInteger("soak.minutes", 30);
    int clients = Integer.getInteger("soak.clients", 1_000);
    int churnPerSecond = Integer.getInteger("soak.churnPerSecond", 10);
    useProjectClassPathForChildren();
    Path dir = Files.createTempDirectory("openfloor-soak");
    ServerProcess server = ServerProcess.start(dir, dir.resolve("server.log"), Map.of(
        "OPENFLOOR_JOINS_PER_IP_PER_MINUTE", "1000000", "OPENFLOOR_LOG_LEVEL", "WARN"));
    Vertx vertx = Vertx.vertx();
    try {
      new Soak(vertx, server, clients, churnPerSecond).run(minutes);
    } finally {
      server.kill();
      vertx.close().await();
    }
  }

  /** Under {@code exec:java} the JVM's class path is Maven's; the server JVM needs the project's. */
  private static void useProjectClassPathForChildren() throws java.net.URISyntaxException {
    if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
      List<String> entries = new ArrayList<>();
      for (java.net.URL url : loader.getURLs()) {
        entries.add(Path.of(url.toURI()).toString());
      }
      System.setProperty("java.class.path", String.join(java.io.File.pathSeparator, entries));
    }
  }

  private static final class Soak {
    private final Vertx vertx;
    private final ServerProcess server;
    private final int clients;
    private final int churnPerSecond;
    private final Random random = new Random(7);
    private final Api api;
    private final List<String> tokens = new ArrayList<>();
    private final List<String> participantIds = new ArrayList<>();
    private final Set<Integer> connecting = ConcurrentHashMap.newKeySet();
    private AtomicReferenceArray<BridgeClient> sockets;
    private final List<long[]> samples = new ArrayList<>();
    private String code;
    private String questionId;
    private long reconnections;
    private final AtomicLong failedConnects = new AtomicLong();
    private long commands;

    Soak(Vertx vertx, ServerProcess server, int clients, int churnPerSecond) {
      this.vertx = vertx;
      this.server = server;
      this.clients = clients;
      this.churnPerSecond = churnPerSecond;
      this.api = new Api(vertx, server.port());
    }

    void run(int minutes) throws Exception {
      code = api.createSession("Soak", "post").await().getString("code");
      for (int first = 0; first < clients; first += 50) {
        List<Future<JsonObject>> batch = new ArrayList<>();
        for (int i = first; i < Math.min(clients, first + 50); i++) {
          batch.add(api.join(code, "Attendee " + i));
        }
        Future.all(batch).await();
        batch.forEach(joined -> {
          tokens.add(joined.result().getString("token"));
          participantIds.add(joined.result().getString("id"));
        });
      }
      questionId = api.ask(code, tokens.get(0), "What stays flat?").await().getString("id");
      sockets = new AtomicReferenceArray<>(clients);
      for (int i = 0; i < clients; i++) {
        sockets.set(i, connect(i).await());
      }
      LOG.info("Soak: {} clients connected to session {}; {} reconnections and about {} commands a second",
          clients, code, churnPerSecond, clients / 20);
      long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
      for (int minute = 1; System.nanoTime() < end; minute++) {
        long minuteEnd = Math.min(end, System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
        while (System.nanoTime() < minuteEnd) {
          oneSecond();
        }
        sample(minute);
      }
      report();
    }

    private Future<BridgeClient> connect(int i) {
      Future<BridgeClient> attempt = BridgeClient.connect(vertx, server.port());
      return attempt.timeout(10, TimeUnit.SECONDS).onFailure(late -> attempt.onSuccess(BridgeClient::close)).map(socket -> {
        socket.register("openfloor.session." + code, null);
        socket.register("openfloor.participant." + participantIds.get(i), tokens.get(i));
        return socket;
      });
    }

    private void reconnect(int i) {
      if (!connecting.add(i)) {
        return;
      }
      BridgeClient old = sockets.getAndSet(i, null);
      if (old != null) {
        old.close();
      }
      reconnections++;
      connect(i).onComplete(done -> {
        connecting.remove(i);
        if (done.succeeded()) {
          sockets.set(i, done.result());
        } else {
          failedConnects.incrementAndGet();
          LOG.warn("Reconnection of client {} failed, retried next second: {}", i, done.cause().getMessage());
        }
      });
    }

    private void oneSecond() throws InterruptedException {
      long started = System.nanoTime();
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        if (sockets.get(i) == null) {
          reconnect(i);
        }
      }
      for (int c = 0; c < churnPerSecond; c++) {
        reconnect(random.nextInt(clients));
      }
      for (int c = 0; c < clients / 20; c++) {
        int i = random.nextInt(clients);
        BridgeClient socket = sockets.get(i);
        if (socket == null) {
          continue;
        }
        String type = random.nextBoolean() ? "vote" : "unvote";
        pending.add(socket.command(new JsonObject().put("type", type).put("session", code)
            .put("questionId", questionId), tokens.get(i)));
        commands++;
      }
      Future.join(pending).timeout(5, TimeUnit.SECONDS).otherwiseEmpty().await();
      long left = TimeUnit.SECONDS.toMillis(1) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (left > 0) {
        Thread.sleep(left);
      }
    }

    private void sample(int minute) throws IOException, InterruptedException {
      long heapKb = heapAfterGcKb();
      long fds = openFileDescriptors();
      JsonObject health = api.call(HttpMethod.GET, "/health", null, null).await().bodyAsJsonObject();
      long bridgeSockets = health.getLong("bridgeSockets", -1L);
      samples.add(new long[] {minute, heapKb, fds, bridgeSockets});
      System.out.printf("minute %3d  heap after GC %,8d KiB  open fds %5d  bridge sockets %5d  reconnections %,d  "
          + "failed %,d  commands %,d%n", minute, heapKb, fds, bridgeSockets, reconnections, failedConnects.get(),
          commands);
    }

    private long heapAfterGcKb() throws IOException, InterruptedException {
      jcmd("GC.run");
      Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
      return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(server.pid()), command)
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      process.waitFor(30, TimeUnit.SECONDS);
      return output;
    }

    private long openFileDescriptors() throws IOException {
      try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(server.pid()), "fd"))) {
        return fds.count();
      }
    }

    private void report() {
      long[] from = samples.get(samples.size() > 5 ? 4 : 0);
      long[] last = samples.get(samples.size() - 1);
      System.out.printf("reconnections %,d, of which failed (retried) %,d; commands %,d%n", reconnections,
          failedConnects.get(), commands);
      String[] names = {"", "heap after GC", "open fds", "bridge sockets"};
      for (int k = 1; k < names.length; k++) {
        double change = from[k] == 0 ? 0 : 100.0 * (last[k] - from[k]) / from[k];
        System.out.printf("%s: minute %d %,d -> minute %d %,d (%+.1f%%) %s%n", names[k], from[0], from[k], last[0],
            last[k], change, Math.abs(change) <= 10 ? "FLAT" : "NOT FLAT");
      }
    }
  }
}
