package org.openfloor.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import org.openfloor.live.CommandMeter;
import org.openfloor.live.Fanout;

/**
 * The meters of one node in Prometheus text: bridge connections, frames pushed, log append latency,
 * commands by type and outcome, sessions loaded, and the JVM's heap, GC and CPU.
 */
final class OpenFloorMetrics implements CommandMeter {
  /** Command types come from clients: past this many series, unknown ones are counted as {@code other}. */
  private static final int MAX_COMMAND_SERIES = 128;

  private final PrometheusMeterRegistry registry;
  private final Counter framesPushed;
  private final Timer appendLatency;
  private final ConcurrentHashMap<String, Counter> commands = new ConcurrentHashMap<>();

  private OpenFloorMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.framesPushed = Counter.builder("openfloor.updates.pushed").description("Frames written to client sockets")
        .register(registry);
    this.appendLatency = Timer.builder("openfloor.log.append").description("Time until an appended entry is durable")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  /** Vert.x's own Prometheus registry when the node was started with metrics, else a registry of its own. */
  static OpenFloorMetrics create() {
    MeterRegistry shared = BackendRegistries.getDefaultNow();
    PrometheusMeterRegistry registry = shared instanceof PrometheusMeterRegistry prometheus ? prometheus
        : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    if (registry.find("jvm.memory.used").gauge() == null) {
      new JvmMemoryMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new JvmGcMetrics().bindTo(registry);
    }
    return new OpenFloorMetrics(registry);
  }

  void gauges(IntSupplier openConnections, IntSupplier sessionsLoaded) {
    Gauge.builder("openfloor.bridge.connections", openConnections::getAsInt).description("Open bridge sockets")
        .register(registry);
    Gauge.builder("openfloor.sessions.loaded", sessionsLoaded::getAsInt).description("Sessions loaded on this node")
        .register(registry);
  }

  /** {@code fanout} counting every frame it writes, one per socket on the address. */
  Fanout counting(Fanout fanout, java.util.function.ToIntFunction<String> socketsOn) {
    return new Fanout() {
      @Override
      public void push(String address, Buffer frame) {
        framesPushed.increment(socketsOn.applyAsInt(address));
        fanout.push(address, frame);
      }

      @Override
      public boolean listens(String address) {
        return fanout.listens(address);
      }
    };
  }

  <T> Future<T> timeAppend(Future<T> append) {
    long start = System.nanoTime();
    return append.andThen(ar -> appendLatency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
  }

  @Override
  public void command(String type, String outcome) {
    String key = type + '\n' + outcome;
    if (!commands.containsKey(key) && commands.size() >= MAX_COMMAND_SERIES) {
      command("other", outcome);
      return;
    }
    commands.computeIfAbsent(key, k -> Counter.builder("openfloor.commands")
        .description("Commands submitted, by type and outcome").tags("type", type, "outcome", outcome)
        .register(registry)).increment();
  }

  Handler<RoutingContext> scrape() {
    return ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .end(Buffer.buffer(registry.scrape()));
  }

}
