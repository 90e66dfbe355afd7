package org.openfloor.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.time.Duration;
import java.util.function.Function;

import org.openfloor.bridge.BridgeLimits;
import org.openfloor.bridge.EventBusBridge;
import org.openfloor.bridge.ProtocolViolationCloser;
import org.openfloor.bridge.SocketRegistry;
import org.openfloor.edge.CommandDoor;
import org.openfloor.http.ApiRoutes;
import org.openfloor.http.Links;
import org.openfloor.http.OriginGuard;
import org.openfloor.http.SecurityHeaders;
import org.openfloor.edge.CommandGateway;
import org.openfloor.live.wire.SessionCodes;
import org.openfloor.live.RetentionSweep;
import org.openfloor.live.SessionRegistry;
import org.openfloor.edge.Throttle;
import org.openfloor.log.CommandLog;
import org.openfloor.log.TimedCommandLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One OpenFloor node: opens the log, then serves the API, the bridge and the pages on one context. */
public final class ServerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ServerVerticle.class);
  private static final String SOCKJS_CLIENT = "META-INF/resources/webjars/sockjs-client/1.6.1/dist/sockjs.min.js";

  private static final Duration RETENTION_SWEEP_INTERVAL = Duration.ofHours(1);

  private final OpenFloorConfig config;
  private final Function<io.vertx.core.Vertx, Future<CommandLog>> logOpener;
  private final BridgeLimits bridgeLimits;
  private CommandLog log;
  private SessionRegistry registry;
  private HttpServer server;
  private OpenFloorMetrics metrics;
  private RetentionSweep retention;
  private SocketRegistry sockets;

  public ServerVerticle(OpenFloorConfig config, Function<io.vertx.core.Vertx, Future<CommandLog>> logOpener) {
    this.config = config;
    this.logOpener = logOpener;
    this.bridgeLimits = new BridgeLimits(config.maxFrameBytes(), config.maxHandlersPerSocket(),
        config.maxRefusalsPerSocket());
  }

  /** A node on the log its configuration names ({@code log}, {@code redisUrl}, {@code redisWaitReplicas}, …). */
  public ServerVerticle(OpenFloorConfig config) {
    this(config, LogOpener.of(config));
  }

  @Override
  public Future<?> start() {
    metrics = OpenFloorMetrics.create();
    return logOpener.apply(vertx).compose(opened -> {
      log = new TimedCommandLog(opened, metrics.registry());
      return listen(router());
    }).onSuccess(s -> startRetention()).onSuccess(s -> LOG.info("OpenFloor listening on {}:{} with the {} log", config.httpHost(), s.actualPort(),
        config.log().name().toLowerCase()));
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  private Router router() {
    sockets = new SocketRegistry(metrics.registry());
    registry = new SessionRegistry(vertx, log, sockets, config.liveOptions()).measuredIn(metrics.registry());
    CommandGateway gateway = new CommandGateway(registry, metrics.registry()).withServerBlockedWords(config.blockedWords());
    Router router = Router.router(vertx);
    router.route().handler(new OriginGuard(config.allowedOrigins()));
    router.route().handler(new SecurityHeaders(config.screenFrameAncestors()));
    Throttle throttle = new Throttle(config.rateCommandsPerSecond(), config.rateBurst(),
        config.joinsPerIpPerMinute());
    CommandDoor door = new CommandDoor(gateway, throttle, config.sessionCreationToken());
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(metrics.scrape());
    router.route("/api/*").subRouter(
        new ApiRoutes(door, registry, new Links(config.publicUrl()), config.maxBodyBytes()).router(vertx));
    EventBusBridge bridge = new EventBusBridge(door, registry, sockets, bridgeLimits);
    router.route("/eventbus/*").subRouter(bridge.router(vertx));
    router.get("/ws").handler(bridge.plainWebSocket());
    router.get("/j/:code").handler(this::joinLink);
    router.get("/vendor/sockjs.min.js").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript").putHeader(HttpHeaders.CACHE_CONTROL, "max-age=86400")
        .sendFile(SOCKJS_CLIENT));
    router.route().handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(300));
    return router;
  }

  private void startRetention() {
    if (config.retentionDays() > 0) {
      retention = new RetentionSweep(vertx, registry, Duration.ofDays(config.retentionDays()));
      retention.start(RETENTION_SWEEP_INTERVAL);
    }
  }

  private Future<HttpServer> listen(Router router) {
    HttpServerOptions options = new HttpServerOptions()
        .setMaxWebSocketFrameSize(bridgeLimits.webSocketBytes())
        .setMaxWebSocketMessageSize(bridgeLimits.webSocketBytes())
        .setCompressionSupported(true)
        // Deflating each pushed frame per socket would undo encoding it once for all: off (see README, Performance).
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false);
    return vertx.createHttpServer(options).connectionHandler(ProtocolViolationCloser::install).requestHandler(router)
        .listen(config.httpPort(), config.httpHost()).onSuccess(s -> server = s);
  }

  private void joinLink(RoutingContext ctx) {
    String code = SessionCodes.canonical(ctx.pathParam("code"));
    ctx.redirect("/attend.html?code=" + (SessionCodes.isWellFormed(code) ? code : ""));
  }

  private void health(RoutingContext ctx) {
    log.ready().onComplete(ar -> {
      boolean ready = ar.succeeded() && ar.result();
      JsonObject body = new JsonObject().put("status", ready ? "ready" : "not-ready")
          .put("version", BuildInfo.current().version()).put("commit", BuildInfo.current().commit())
          .put("log", config.log().name().toLowerCase()).put("sessionsLoaded", registry.loadedCount())
          .put("bridgeSockets", sockets.openSockets());
      ctx.response().setStatusCode(ready ? 200 : 503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(body.toBuffer());
    });
  }

  @Override
  public Future<?> stop() {
    if (retention != null) {
      retention.stop();
    }
    Future<Void> sessions = registry == null ? Future.succeededFuture() : registry.closeAll();
    Future<Void> closing = sessions.eventually(() -> server == null ? Future.succeededFuture() : server.close());
    return closing.eventually(() -> log == null ? Future.succeededFuture() : log.close());
  }
}
