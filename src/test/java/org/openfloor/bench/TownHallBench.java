package org.openfloor.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.HdrHistogram.Histogram;
import org.openfloor.app.ConfigLoader;
import org.openfloor.app.Transports;
import org.openfloor.testing.Api;
import static org.openfloor.testing.Await.await;

/**
 * The town-hall benchmark: OpenFloor (SockJS and plain WebSocket bridge), the bare Vert.x ceiling and a
 * socket.io 4 peer under the same generator and rates, swept over the number of attendees; then durable
 * submits, two nodes on Redis and the idle-connection ceiling. Prints a table and writes it as Markdown.
 * Run with {@code src/test/bench/run} (see the README's Performance section for the options).
 */
public final class TownHallBench {
  private static final int QUESTIONS = 50;
  /**
   * Seconds of load before measuring ({@code --warmup}): 30 by default, because a fresh server JVM is still
   * compiling its hot paths long after it first serves them (C2 took 73 % of a core through the measured seconds
   * after an 8 s warm-up, 3 % after 30 s), and a measurement should see the server it would be after minutes.
   */
  private static final String DEFAULT_WARMUP = "30";
  private static final String TWO_NODES = " ×2 on Redis";

  private final Options options;
  private final Path work;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private TownHallBench(Options options) {
    this.options = options;
    this.work = Path.of(options.get("out-dir", "target/bench"));
  }

  public static void main(String[] args) throws Exception {
    TownHallBench bench = new TownHallBench(new Options(args));
    bench.runAll();
    System.exit(0);
  }

  // ---------------------------------------------------------------------------------------- options

  /** {@code --key value} or {@code --key=value} arguments with defaults. */
  record Options(Map<String, String> values) {
    Options(String[] args) {
      this(parse(args));
    }

    private static Map<String, String> parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i].replaceFirst("^--", "");
        if (arg.contains("=")) {
          values.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        } else {
          values.put(arg, args[++i]);
        }
      }
      return values;
    }

    String get(String key, String fallback) {
      return values.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback) {
      return Integer.parseInt(get(key, String.valueOf(fallback)));
    }

    double decimal(String key, double fallback) {
      return Double.parseDouble(get(key, String.valueOf(fallback)));
    }

    List<String> list(String key, String fallback) {
      String value = get(key, fallback);
      return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
    }
  }

  private long window() {
    return options.integer("window", 100);
  }

  private List<String> serverJvmOptions() {
    return Arrays.stream(options.get("server-jvm", "-Xms1g -Xmx4g").trim().split("\\s+")).toList();
  }

  private TownHall.Plan plan(int attendees) {
    return new TownHall.Plan(attendees, options.integer("votes", 2_000), options.integer("asks", 20),
        options.integer("voters", 4), Double.parseDouble(options.get("warmup", DEFAULT_WARMUP)),
        options.decimal("measure", 10));
  }

  // ---------------------------------------------------------------------------------------- runs

  void runAll() throws Exception {
    Files.createDirectories(work);
    String loadAtStart = loadAverage();
    List<Integer> sweep = options.list("sweep", "1000,2000,5000,10000").stream().map(Integer::parseInt).toList();
    List<String> servers = options.list("servers", "openfloor,openfloor-ws,bare,socketio");
    int repeats = options.integer("repeats", 1);
    double prewarm = options.decimal("prewarm", 15);
    if (prewarm > 0) {
      System.out.println("Warming up the generator (not measured): " + prewarm + " s against the bare server");
      prewarm(prewarm, Math.min(sweep.get(0), 1_000));
    }
    for (int attendees : sweep) {
      for (int r = 0; r < repeats; r++) {
        for (String server : servers) {
          Row row = townHall(server, attendees);
          rows.add(row);
          System.out.println(row.line());
        }
      }
    }
    String durable = options.integer("durable", 500) > 0 ? durableSubmits(options.integer("durable", 500)) : null;
    int redisAttendees = options.integer("redis", 5_000);
    if (redisAttendees > 0) {
      for (int r = 0; r < repeats; r++) {
        Row row = twoNodesOnRedis(redisAttendees);
        rows.add(row);
        System.out.println(row.line());
      }
    }
    String ceiling = options.get("ceiling", "3x18000").equals("0") ? null : ceiling(options.get("ceiling", "3x18000"));
    String loadAtEnd = loadAverage();
    String markdown = markdown(loadAtStart, loadAtEnd, durable, ceiling);
    Path out = work.resolve("town-hall.md");
    Files.writeString(out, markdown);
    System.out.println();
    System.out.println(markdown);
    System.out.println("Written to " + out);
  }

  /** A throw-away run, so the generator's own JIT warm-up does not count against the first server measured. */
  private void prewarm(double seconds, int attendees) throws Exception {
    BenchServer server = BenchServer.bare(freePort(), window(), transport(), serverJvmOptions(),
        work.resolve("logs"));
    try {
      TownHall.Plan plan = new TownHall.Plan(attendees, options.integer("votes", 2_000), options.integer("asks", 20),
          options.integer("voters", 4), seconds, 1);
      measure("prewarm", Wire.BARE, List.of(server), plan);
    } finally {
      server.stop();
    }
  }

  /** One town-hall run against a fresh server of the given kind. */
  Row townHall(String kind, int attendees) throws Exception {
    TownHall.Plan plan = plan(attendees);
    Path logs = work.resolve("logs");
    int port = freePort();
    BenchServer server = switch (kind) {
      case "openfloor", "openfloor-ws" -> BenchServer.openFloor(kind, port, freshDir(kind), window(),
          serverJvmOptions(), serverEnvironment(Map.of()), logs);
      case "bare" -> BenchServer.bare(port, window(), transport(), serverJvmOptions(), logs);
      case "socketio" -> BenchServer.socketIo(socketIoScript(), port, window(), logs);
      default -> throw new IllegalArgumentException("unknown server " + kind);
    };
    try {
      return measure(kind, wire(kind), List.of(server), plan);
    } finally {
      server.stop();
    }
  }

  private static Wire wire(String kind) {
    return switch (kind) {
      case "openfloor" -> Wire.OPENFLOOR_SOCKJS;
      case "openfloor-ws" -> Wire.OPENFLOOR_WS;
      case "bare" -> Wire.BARE;
      default -> Wire.SOCKET_IO;
    };
  }

  /** How the two Redis nodes' attendees connect ({@code --redis-wire}): {@code openfloor-ws} (default) or {@code openfloor}. */
  private String redisWire() {
    return options.get("redis-wire", "openfloor-ws");
  }

  private Row measure(String label, Wire wire, List<BenchServer> servers, TownHall.Plan plan) throws Exception {
    int threads = options.integer("generator-threads", 2);
    int generators = options.integer("generators", 1);
    Vertx generator = generatorVertx(threads, transport());
    Path sentFile = null;
    try {
      TownHall.Session session = wire.isOpenFloor() ? openFloorSession(generator, servers.get(0).port(), plan)
          : anonymousSession(plan);
      List<Integer> ports = servers.stream().map(BenchServer::port).toList();
      TownHall townHall;
      if (generators > 1) {
        int questions = session.questionIds().size();
        int perQuestion = plan.maxVotesPerQuestion(questions);
        sentFile = sentTimesFile();
        SentTimes sent = SentTimes.create(sentFile, questions, perQuestion);
        townHall = new TownHall(generator, wire, ports, plan, session, sent, new AudienceProcesses(generators,
            generatorJvmOptions(), threads, transport(), wire, ports, plan.attendees(), session.code(), session.questionIds(),
            sentFile, perQuestion));
      } else {
        SentTimes sent = TownHall.inMemory(plan, session);
        townHall = new TownHall(generator, wire, ports, plan, session, sent, new Audience(generator, threads, wire,
            ports, plan.attendees(), 0, session.code(), session.questionIds(), sent));
      }
      long heapBefore = heap(servers);
      double connectSeconds = townHall.connect();
      Thread.sleep(1_000);
      long heapAfter = heap(servers);
      double[] cpu = new double[2];
      MachineCpu[] machine = new MachineCpu[2];
      TownHall.Result result = townHall.run(connectSeconds, () -> {
        cpu[0] = cpu(servers);
        machine[0] = MachineCpu.now();
      }, () -> {
        cpu[1] = cpu(servers);
        machine[1] = MachineCpu.now();
      });
      double heapPerConnection = result.opened() == 0 ? 0 : (heapAfter - heapBefore) / (double) result.opened();
      return new Row(label, plan.attendees(), result, (cpu[1] - cpu[0]) / result.deliveries() * 1000,
          heapPerConnection / 1024, plan.attendees() * 1000.0 / window(),
          new Cores((cpu[1] - cpu[0]) / result.measureSeconds(), machine[1].coresBusySince(machine[0])));
    } finally {
      await(generator.close());
      if (sentFile != null) {
        Files.deleteIfExists(sentFile);
      }
    }
  }

  /** The generator's Vert.x: {@code threads} event loops on the given transport. */
  static Vertx generatorVertx(int threads, String transport) {
    return Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(threads))
        .withTransport(Transports.named(transport)).build();
  }

  /** The Netty transport of every server and generator JVM: {@code --transport}, else OpenFloor's default. */
  private String transport() {
    return options.get("transport", ConfigLoader.defaultsWith(new JsonObject()).transport());
  }

  private Map<String, String> serverEnvironment(Map<String, String> extra) {
    Map<String, String> environment = new LinkedHashMap<>(extra);
    environment.put("OPENFLOOR_TRANSPORT", transport());
    return environment;
  }

  private List<String> generatorJvmOptions() {
    return Arrays.stream(options.get("generator-jvm", "-Xmx1g").trim().split("\\s+")).toList();
  }

  /** In shared memory where there is some: the generator processes read it for every update. */
  private Path sentTimesFile() throws IOException {
    Path shm = Path.of("/dev/shm");
    Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : work.toAbsolutePath();
    return dir.resolve("openfloor-bench-sent-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
  }

  private static long heap(List<BenchServer> servers) {
    return servers.stream().mapToLong(BenchServer::heapAfterGc).sum();
  }

  private static double cpu(List<BenchServer> servers) {
    return servers.stream().mapToDouble(BenchServer::cpuSeconds).sum();
  }

  /** A session on OpenFloor with the voted questions and enough participants for every vote to be distinct. */
  static TownHall.Session openFloorSession(Vertx vertx, int port, TownHall.Plan plan) {
    Api api = new Api(vertx, port);
    try {
      String code = await(api.createSession("Town hall", "post")).getString("code");
      int participants = Math.max(QUESTIONS, plan.maxVotesPerQuestion(QUESTIONS));
      List<String> tokens = new ArrayList<>();
      for (int start = 0; start < participants; start += 100) {
        List<Future<JsonObject>> joins = IntStream.range(start, Math.min(participants, start + 100))
            .mapToObj(i -> api.join(code, "Attendee " + i)).toList();
        await(Future.all(joins));
        joins.forEach(j -> tokens.add(j.result().getString("token")));
      }
      List<String> ids = new ArrayList<>();
      for (int q = 0; q < QUESTIONS; q++) {
        ids.add(await(api.ask(code, tokens.get(q), "What should the panel discuss first, option " + q + "?"))
            .getString("id"));
      }
      return new TownHall.Session(code, ids, tokens);
    } finally {
      api.close();
    }
  }

  private TownHall.Session anonymousSession(TownHall.Plan plan) {
    List<String> ids = IntStream.range(0, QUESTIONS).mapToObj(String::valueOf).toList();
    List<String> tokens = IntStream.range(0, plan.maxVotesPerQuestion(QUESTIONS)).mapToObj(i -> "-").toList();
    return new TownHall.Session("-", ids, tokens);
  }

  /** The town hall over two OpenFloor nodes sharing a Redis log, half of the attendees and voters on each. */
  Row twoNodesOnRedis(int attendees) throws Exception {
    Path logs = work.resolve("logs");
    Path redisDir = freshDir("redis");
    BenchServer redis = BenchServer.redis(freePort(), redisDir, logs);
    List<BenchServer> nodes = new ArrayList<>();
    try {
      Map<String, String> env = Map.of("OPENFLOOR_LOG", "redis", "OPENFLOOR_REDIS_URL",
          "redis://127.0.0.1:" + redis.port() + "/0");
      for (int i = 0; i < 2; i++) {
        nodes.add(BenchServer.openFloor("redis-node-" + i, freePort(), freshDir("redis-node"), window(),
            serverJvmOptions(), serverEnvironment(env), logs));
      }
      String oneNode = redisWire();
      return measure(oneNode + TWO_NODES, wire(oneNode), nodes, plan(attendees));
    } finally {
      for (BenchServer node : nodes) {
        node.stop();
      }
      redis.stop();
    }
  }

  /** Question submit to ack on the embedded log at {@code rate} per second: latency as the client sees it. */
  String durableSubmits(int rate) throws Exception {
    BenchServer server = BenchServer.openFloor("durable", freePort(), freshDir("durable"), window(),
        serverJvmOptions(), serverEnvironment(Map.of()), work.resolve("logs"));
    Vertx vertx = Vertx.vertx();
    try {
      Api api = new Api(vertx, server.port());
      String code = await(api.createSession("Durable submits", "post")).getString("code");
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        tokens.add(await(api.join(code, "Asker " + i)).getString("token"));
      }
      api.close();
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(server.port()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
      Histogram latency = new Histogram(60_000_000_000L, 3);
      long[] outcomes = new long[2];
      double warmup = options.decimal("durable-warmup", 5);
      double measure = options.decimal("durable-seconds", 10);
      long start = System.nanoTime();
      long[] sent = {0};
      double cpuStart = server.cpuSeconds();
      long timer = vertx.setPeriodic(2, t -> {
        double elapsed = (System.nanoTime() - start) / 1e9;
        long due = (long) (Math.min(elapsed, warmup + measure) * rate);
        for (; sent[0] < due; sent[0]++) {
          boolean counted = elapsed >= warmup;
          long begin = System.nanoTime();
          client.request(HttpMethod.POST, "/api/sessions/" + code + "/questions")
              .bearerTokenAuthentication(tokens.get((int) (sent[0] % tokens.size())))
              .sendJsonObject(new JsonObject().put("text", "Durable question " + sent[0] + "?"))
              .onComplete(ar -> {
                if (counted) {
                  latency.recordValue(System.nanoTime() - begin);
                  outcomes[ar.succeeded() && ar.result().statusCode() == 201 ? 0 : 1]++;
                }
              });
        }
      });
      Thread.sleep((long) ((warmup + measure) * 1000) + 2_000);
      vertx.cancelTimer(timer);
      double cpu = server.cpuSeconds() - cpuStart;
      String line = String.format("%d/s for %.0f s after %.0f s warm-up: %d acked 201, %d other; p50 %.1f ms, "
              + "p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; server CPU %.2f s; the server's own log append "
              + "(openfloor_log_append_seconds, last 2 min): %s",
          rate, measure, warmup, outcomes[0], outcomes[1], ms(latency.getValueAtPercentile(50)),
          ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()), cpu,
          appendLatency(server.get("/metrics")));
      System.out.println("durable submits: " + line);
      return line;
    } finally {
      await(vertx.close());
      server.stop();
    }
  }

  /** p50, p99 and max of the append latency that the server measured itself, from its Prometheus text. */
  static String appendLatency(String metrics) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("openfloor_log_append_seconds")) {
        String[] parts = line.split(" ");
        values.put(parts[0], Double.parseDouble(parts[parts.length - 1]));
      }
    }
    return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        1000 * values.getOrDefault("openfloor_log_append_seconds{quantile=\"0.5\"}", Double.NaN),
        1000 * values.getOrDefault("openfloor_log_append_seconds{quantile=\"0.99\"}", Double.NaN),
        1000 * values.getOrDefault("openfloor_log_append_seconds_max", Double.NaN));
  }

  /** The most idle sockets held: {@code servers x perServer}, one holder process per server. */
  String ceiling(String spec) throws Exception {
    int count = Integer.parseInt(spec.substring(0, spec.indexOf('x')));
    int perServer = Integer.parseInt(spec.substring(spec.indexOf('x') + 1));
    List<BenchServer> servers = new ArrayList<>();
    List<Process> holders = new ArrayList<>();
    Vertx vertx = Vertx.vertx();
    try {
      List<Long> heapsBefore = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        BenchServer server = BenchServer.openFloor("ceiling-" + i, freePort(), freshDir("ceiling"), window(),
            serverJvmOptions(), serverEnvironment(Map.of()), work.resolve("logs"));
        servers.add(server);
        Api api = new Api(vertx, server.port());
        String code = await(api.createSession("Ceiling", "post")).getString("code");
        api.close();
        heapsBefore.add(server.heapAfterGc());
        holders.add(new ProcessBuilder(BenchServer.javaBin(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
            IdleHolder.class.getName(), String.valueOf(server.port()), code, String.valueOf(perServer),
            Wire.OPENFLOOR_SOCKJS.name()).redirectError(ProcessBuilder.Redirect.DISCARD).start());
      }
      long held = 0;
      long failed = 0;
      double slowest = 0;
      for (Process holder : holders) {
        String line = readHeld(holder);
        String[] parts = line.split(" ");
        held += Long.parseLong(parts[1]);
        failed += Long.parseLong(parts[3]);
        slowest = Math.max(slowest, Double.parseDouble(parts[5]));
      }
      Thread.sleep(2_000);
      long heapGrowth = 0;
      long rss = 0;
      for (int i = 0; i < servers.size(); i++) {
        heapGrowth += servers.get(i).heapAfterGc() - heapsBefore.get(i);
        rss += servers.get(i).rssBytes();
      }
      String line = String.format("%d idle SockJS attendees held on %d OpenFloor processes (%d each; %d failed), "
              + "connected in %.1f s (%.0f/s overall); heap after GC %.1f KiB per connection, RSS %.0f MiB in all",
          held, count, perServer, failed, slowest, held / slowest, heapGrowth / 1024.0 / Math.max(1, held),
          rss / 1048576.0);
      System.out.println("ceiling: " + line);
      return line;
    } finally {
      for (Process holder : holders) {
        holder.destroy();
      }
      for (BenchServer server : servers) {
        server.stop();
      }
      await(vertx.close());
    }
  }

  private static String readHeld(Process holder) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(holder.getInputStream()));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("HELD ")) {
        return line;
      }
    }
    throw new IllegalStateException("holder exited without a count");
  }

  // ---------------------------------------------------------------------------------------- support

  private Path socketIoScript() throws IOException, InterruptedException {
    Path dir = work.resolve("socketio").toAbsolutePath();
    Files.createDirectories(dir);
    if (!Files.isDirectory(dir.resolve("node_modules/socket.io"))) {
      Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", "socket.io@4")
          .directory(dir.toFile()).inheritIO().start();
      if (npm.waitFor() != 0) {
        throw new IllegalStateException("npm install socket.io@4 failed");
      }
    }
    Path script = dir.resolve("server.js");
    Files.copy(Path.of("src/test/bench/socketio-server.js"), script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return script;
  }

  String socketIoVersion() {
    try {
      return new JsonObject(Files.readString(work.resolve("socketio/node_modules/socket.io/package.json")))
          .getString("version");
    } catch (IOException e) {
      return "?";
    }
  }

  private Path freshDir(String name) throws IOException {
    Path dir = work.resolve("data").resolve(name + "-" + System.nanoTime()).toAbsolutePath();
    Files.createDirectories(dir);
    return dir;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** Cores used while measuring: by the server processes, and by the whole machine (generator included). */
  record Cores(double server, double machine) {
  }

  /** One measured line of the table. */
  record Row(String server, int attendees, TownHall.Result result, double cpuPerThousand, double heapKibPerConnection,
             double expectedPerSecond, Cores cores) {
    String line() {
      Histogram lag = result.lag();
      return String.format("%-22s N=%-6d open=%-6d conn/s=%-7.0f deliv/s=%-8.0f (%.0f%% of %.0f) lag ms p50=%.0f p95=%.0f "
              + "p99=%.0f max=%.0f cpu s/1000=%.4f cores server=%.2f machine=%.2f heap KiB/conn=%.1f votes=%d errors=%d",
          server, attendees,
          result.opened(), result.connectsPerSecond(), result.deliveriesPerSecond(),
          100 * result.deliveriesPerSecond() / expectedPerSecond, expectedPerSecond, ms(lag.getValueAtPercentile(50)),
          ms(lag.getValueAtPercentile(95)), ms(lag.getValueAtPercentile(99)), ms(lag.getMaxValue()), cpuPerThousand,
          cores.server(), cores.machine(), heapKibPerConnection, result.votesSent(), result.errors());
    }

    String markdown(Row bare) {
      Histogram lag = result.lag();
      if (result.deliveries() == 0) {
        return String.format("| %s | %,d | %,d | %,.0f | 0 | 0%% | — | — | — | — | — | %.2f | %.2f | %.1f | %s | — | — |",
            server, attendees, result.opened(), result.connectsPerSecond(), cores.server(), cores.machine(),
            heapKibPerConnection, ratio(0, bare, 0));
      }
      return String.format("| %s | %,d | %,d | %,.0f | %,.0f | %.0f%% | %.0f | %.0f | %.0f | %.0f | %.4f | %.2f | %.2f "
              + "| %.1f | %s | %s | %s |", server, attendees, result.opened(), result.connectsPerSecond(),
          result.deliveriesPerSecond(), 100 * result.deliveriesPerSecond() / expectedPerSecond,
          ms(lag.getValueAtPercentile(50)), ms(lag.getValueAtPercentile(95)), ms(lag.getValueAtPercentile(99)),
          ms(lag.getMaxValue()), cpuPerThousand, cores.server(), cores.machine(), heapKibPerConnection, ratio(result.deliveriesPerSecond(), bare, 0), ratio(lag.getValueAtPercentile(99), bare, 1),
          ratio(cpuPerThousand, bare, 2));
    }

    /** This row's deliveries/s (0), p99 lag (1) or CPU per delivery (2) against the bare row of the same run and N. */
    private static String ratio(double value, Row bare, int which) {
      if (bare == null || bare.result().deliveries() == 0) {
        return "—";
      }
      double base = switch (which) {
        case 0 -> bare.result().deliveriesPerSecond();
        case 1 -> bare.result().lag().getValueAtPercentile(99);
        default -> bare.cpuPerThousand();
      };
      return base > 0 ? String.format("%.2f×", value / base) : "—";
    }
  }

  private String markdown(String loadAtStart, String loadAtEnd, String durable, String ceiling) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("### Town hall: ").append(options.get("votes", "2000")).append(" upvotes/s over ").append(QUESTIONS)
        .append(" questions, ").append(options.get("asks", "20")).append(" new questions/s, window W = ")
        .append(window()).append(" ms\n\n");
    md.append("| server | attendees | connected | connects/s | deliveries/s | of N×1000/W | lag p50 ms | p95 | p99 | max "
        + "| server CPU s per 1,000 deliveries | server cores | machine cores busy | heap KiB per connection "
        + "| deliveries ÷ bare | p99 ÷ bare | CPU per delivery ÷ bare |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    List<Row> medians = medians();
    for (Row row : medians) {
      Row bare = medians.stream().filter(r -> r.server().equals("bare") && r.attendees() == row.attendees())
          .findFirst().orElse(null);
      md.append(row.markdown(bare)).append('\n');
    }
    md.append("\nThe last three columns divide each row's figure by the bare server's at the same N in this run "
        + "(the targets: deliveries ≥ 0.95× (0.9× at 10,000), p99 ≤ 1.2×, CPU per delivery ≤ 1.3×).\n");
    twoNodesAgainstOne(medians).ifPresent(md::append);
    md.append('\n');
    if (durable != null) {
      md.append("**Durable submits** (question POST → 201 on the embedded SQLite log, fsync per group commit): ")
          .append(durable).append("\n\n");
    }
    if (ceiling != null) {
      md.append("**Ceiling**: ").append(ceiling).append(" (one process may hold fewer than 20,000 open files, "
          + "hence several server and generator processes)\n\n");
    }
    md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(memTotal()).append(" memory, ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append(", socket.io ").append(socketIoVersion())
        .append(", node ").append(command("node", "--version")).append(". Load average at start `")
        .append(loadAtStart).append("`, at end `").append(loadAtEnd).append("`. ")
        .append(options.integer("repeats", 1) > 1 ? "Each figure is the median of " + options.integer("repeats", 1)
            + " runs. " : "")
        .append("Warm-up ").append(options.get("warmup", DEFAULT_WARMUP)).append(" s, measured ")
        .append(options.get("measure", "10")).append(" s per run. Server JVM options: `")
        .append(String.join(" ", serverJvmOptions())).append("`.\n");
    notes.forEach(n -> md.append('\n').append(n).append('\n'));
    return md.toString();
  }

  /** The two-node Redis row's p99 lag against one node's (same wire, embedded log) at the same N, if both ran. */
  private Optional<String> twoNodesAgainstOne(List<Row> medians) {
    String oneNode = redisWire();
    for (Row two : medians) {
      if (!two.server().equals(oneNode + TWO_NODES)) {
        continue;
      }
      Optional<Row> one = medians.stream()
          .filter(r -> r.server().equals(oneNode) && r.attendees() == two.attendees()).findFirst();
      if (one.isPresent() && one.get().result().deliveries() > 0 && two.result().deliveries() > 0) {
        double twoP99 = ms(two.result().lag().getValueAtPercentile(99));
        double oneP99 = ms(one.get().result().lag().getValueAtPercentile(99));
        return Optional.of(String.format("%nTwo nodes on Redis at %,d attendees: p99 lag %.0f ms against one node's "
            + "%.0f ms (%s, embedded log): %.2f× (target ≤ 1.3×).%n", two.attendees(), twoP99, oneP99, oneNode,
            twoP99 / oneP99));
      }
    }
    return Optional.empty();
  }

  /** Per server and size, the run with the median p99 lag (whole runs, so each row's figures belong together). */
  private List<Row> medians() {
    Map<String, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(r -> r.server() + "@" + r.attendees(),
        LinkedHashMap::new, Collectors.toList()));
    List<Row> result = new ArrayList<>();
    for (List<Row> group : groups.values()) {
      List<Row> sorted = new ArrayList<>(group);
      sorted.sort((a, b) -> Long.compare(a.result().lag().getValueAtPercentile(99),
          b.result().lag().getValueAtPercentile(99)));
      result.add(sorted.get(sorted.size() / 2));
    }
    result.sort((a, b) -> a.attendees() != b.attendees() ? Integer.compare(a.attendees(), b.attendees()) : 0);
    return result;
  }

  private static String memTotal() {
    try {
      String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
      return String.format("%.0f GiB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0);
    } catch (IOException e) {
      return "?";
    }
  }

  private static String command(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      process.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }
}
