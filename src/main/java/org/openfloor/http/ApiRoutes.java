package org.openfloor.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.openfloor.live.Answer;
import org.openfloor.live.BadInput;
import org.openfloor.live.CommandCodec;
import org.openfloor.live.CommandGateway;
import org.openfloor.live.Errors;
import org.openfloor.live.SessionCodes;
import org.openfloor.live.Throttle;
import org.openfloor.live.Tokens;

/** The REST API of the public contract: thin handlers that validate, submit and answer. */
public final class ApiRoutes {
  private static final String BODY = "openfloor.body";
  private static final String JSON = "application/json";

  private final CommandGateway gateway;
  private final Links links;
  private final String creationTokenHash;
  private final int maxBodyBytes;
  private Throttle throttle;

  public ApiRoutes(CommandGateway gateway, Links links, String sessionCreationToken, int maxBodyBytes) {
    this.gateway = gateway;
    this.links = links;
    this.creationTokenHash = sessionCreationToken.isEmpty() ? null : Tokens.hash(sessionCreationToken);
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Applies {@code throttle}'s rate limits to every command and session creation. */
  public ApiRoutes withThrottle(Throttle throttle) {
    this.throttle = throttle;
    return this;
  }

  public Router router(Vertx vertx) {
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    api.post("/sessions").handler(this::jsonBody).handler(this::createSession);
    api.get("/sessions/:code").handler(this::snapshot);
    api.patch("/sessions/:code").handler(this::jsonBody).handler(command(CommandCodec.UPDATE_SESSION));
    api.delete("/sessions/:code").handler(this::deleteSession);
    api.post("/sessions/:code/participants").handler(this::jsonBody).handler(command(CommandCodec.JOIN));
    api.post("/sessions/:code/questions").handler(this::jsonBody).handler(command(CommandCodec.ASK));
    api.put("/sessions/:code/questions/:id/vote").handler(this::optionalJsonBody).handler(command(CommandCodec.VOTE));
    api.delete("/sessions/:code/questions/:id/vote").handler(this::optionalJsonBody)
        .handler(command(CommandCodec.UNVOTE));
    api.patch("/sessions/:code/questions/:id").handler(this::jsonBody).handler(command(CommandCodec.MODERATE));
    api.get("/sessions/:code/polls").handler(this::polls);
    api.post("/sessions/:code/polls").handler(this::jsonBody).handler(command(CommandCodec.POLL_CREATE));
    api.patch("/sessions/:code/polls/:id").handler(this::jsonBody).handler(pollCommand(CommandCodec.POLL_UPDATE));
    api.put("/sessions/:code/polls/:id/vote").handler(this::jsonBody).handler(pollCommand(CommandCodec.POLL_VOTE));
    api.patch("/sessions/:code/polls/:id/words").handler(this::jsonBody)
        .handler(pollCommand(CommandCodec.POLL_HIDE_WORD));
    queueRoutes(api);
    breakoutRoutes(api);
    api.get("/sessions/:code/events").handler(this::events);
    api.get("/sessions/:code/qr.svg").handler(this::qrCode);
    api.route().last().handler(ctx -> HttpErrors.respond(ctx, Errors.NOT_FOUND, "no such resource"));
    api.route().failureHandler(HttpErrors::handle);
    return api;
  }

  private void queueRoutes(Router api) {
    api.post("/sessions/:code/queue").handler(this::optionalJsonBody).handler(queueCommand(CommandCodec.QUEUE_REQUEST));
    api.patch("/sessions/:code/queue").handler(this::jsonBody).handler(queueCommand(CommandCodec.QUEUE_UPDATE));
    api.post("/sessions/:code/queue/next").handler(this::optionalJsonBody).handler(queueCommand(CommandCodec.QUEUE_NEXT));
    api.post("/sessions/:code/queue/timer").handler(this::jsonBody).handler(queueCommand(CommandCodec.QUEUE_TIMER));
    api.post("/sessions/:code/queue/clear").handler(this::optionalJsonBody)
        .handler(queueCommand(CommandCodec.QUEUE_CLEAR));
    api.delete("/sessions/:code/queue/:id").handler(this::optionalJsonBody)
        .handler(queueCommand(CommandCodec.QUEUE_WITHDRAW));
    api.patch("/sessions/:code/queue/:id").handler(this::jsonBody).handler(queueCommand(CommandCodec.QUEUE_EDIT));
    api.post("/sessions/:code/queue/:id/accept").handler(this::optionalJsonBody)
        .handler(queueCommand(CommandCodec.QUEUE_ACCEPT));
  }

  private void breakoutRoutes(Router api) {
    api.post("/sessions/:code/queue/briefings").handler(this::optionalJsonBody)
        .handler(commandWithPath(CommandCodec.QUEUE_BRIEFING, null));
    api.post("/sessions/:code/groups").handler(this::jsonBody).handler(this::createGroup);
    api.put("/sessions/:code/groups/:id/notes").handler(this::jsonBody)
        .handler(commandWithPath(CommandCodec.GROUP_NOTES, "groupId"));
    api.patch("/sessions/:code/participants/me").handler(this::jsonBody)
        .handler(commandWithPath(CommandCodec.GROUP_SWITCH, null));
    api.post("/sessions/:code/messages").handler(this::jsonBody).handler(commandWithPath(CommandCodec.MESSAGE_CREATE, null));
    api.patch("/sessions/:code/messages/:id").handler(this::jsonBody)
        .handler(commandWithPath(CommandCodec.MESSAGE_EDIT, "messageId"));
    api.post("/sessions/:code/messages/:id/comments").handler(this::jsonBody)
        .handler(commandWithPath(CommandCodec.MESSAGE_COMMENT, "messageId"));
    api.get("/sessions/:code/report").handler(new ReportRoute(gateway.registry())::handle);
  }

  /** Submits {@code type} with the body, and the path's {@code id} as {@code idField} when given. */
  private io.vertx.core.Handler<RoutingContext> commandWithPath(String type, String idField) {
    return ctx -> {
      JsonObject body = ctx.get(BODY);
      if (idField != null) {
        body.put(idField, ctx.pathParam("id"));
      }
      gateway.submit(code(ctx), type, body, tokenHash(ctx)).onComplete(ar -> answer(ctx, ar.result(), ar.cause()));
    };
  }

  private void createGroup(RoutingContext ctx) {
    String code = code(ctx);
    gateway.submit(code, CommandCodec.GROUP_CREATE, ctx.get(BODY), tokenHash(ctx)).onComplete(ar -> {
      if (ar.succeeded() && ar.result().succeeded()) {
        JsonObject body = ar.result().body();
        String link = links.facilitator(ctx, code, body.getString("id"), body.getString("facilitatorToken"));
        ar = Future.succeededFuture(ar.result().with(new JsonObject().put("links", new JsonObject().put("facilitator", link))));
      }
      answer(ctx, ar.result(), ar.cause());
    });
  }

  private io.vertx.core.Handler<RoutingContext> queueCommand(String type) {
    return ctx -> {
      JsonObject body = ctx.get(BODY);
      String entryId = ctx.pathParam("id");
      if (entryId != null) {
        body.put("id", entryId);
      }
      submitThrottled(ctx, type, body);
    };
  }

  private void jsonBody(RoutingContext ctx) {
    if (isEmpty(ctx)) {
      ctx.fail(new BadInput("a JSON object body is required"));
      return;
    }
    readJsonObject(ctx);
  }

  private void optionalJsonBody(RoutingContext ctx) {
    if (isEmpty(ctx)) {
      ctx.put(BODY, new JsonObject());
      ctx.next();
      return;
    }
    readJsonObject(ctx);
  }

  private static boolean isEmpty(RoutingContext ctx) {
    return ctx.body().buffer() == null || ctx.body().buffer().length() == 0;
  }

  private void readJsonObject(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    Object parsed = io.vertx.core.json.Json.decodeValue(raw);
    if (!(parsed instanceof JsonObject object)) {
      ctx.fail(new BadInput("the body must be a JSON object"));
      return;
    }
    ctx.put(BODY, object);
    ctx.next();
  }

  private void createSession(RoutingContext ctx) {
    if (throttle != null && !throttle.admitCreation(ctx.request().remoteAddress().hostAddress())) {
      HttpErrors.respond(ctx, Errors.TOO_MANY, "too many new sessions from this address: slow down");
      return;
    }
    if (creationTokenHash != null && !Tokens.sameHash(creationTokenHash, tokenHash(ctx))) {
      HttpErrors.respond(ctx, Errors.UNAUTHENTICATED, "creating sessions needs the server's creation token");
      return;
    }
    gateway.create(ctx.get(BODY)).onComplete(ar -> {
      if (ar.succeeded() && ar.result().succeeded()) {
        String code = ar.result().body().getString("code");
        String token = ar.result().body().getString("moderatorToken");
        ar = Future.succeededFuture(ar.result().with(new JsonObject().put("links", links.of(ctx, code, token))));
      }
      answer(ctx, ar.result(), ar.cause());
    });
  }

  private io.vertx.core.Handler<RoutingContext> command(String type) {
    return ctx -> {
      JsonObject body = ctx.get(BODY);
      String questionId = ctx.pathParam("id");
      if (questionId != null) {
        body.put("questionId", questionId);
      }
      submitThrottled(ctx, type, body);
    };
  }

  private io.vertx.core.Handler<RoutingContext> pollCommand(String type) {
    return ctx -> {
      JsonObject body = ctx.<JsonObject>get(BODY).put("pollId", ctx.pathParam("id"));
      submitThrottled(ctx, type, body);
    };
  }

  private void submitThrottled(RoutingContext ctx, String type, JsonObject body) {
    String code = code(ctx);
    String tokenHash = tokenHash(ctx);
    Future<Boolean> admitted = throttle == null ? Future.succeededFuture(true)
        : throttle.admit(code, type, tokenHash, ctx.request().remoteAddress().hostAddress());
    admitted.compose(ok -> ok ? gateway.submit(code, type, body, tokenHash) : Future.succeededFuture(Throttle.tooMany()))
        .onComplete(ar -> answer(ctx, ar.result(), ar.cause()));
  }

  private void deleteSession(RoutingContext ctx) {
    String code = code(ctx);
    String tokenHash = tokenHash(ctx);
    gateway.registry().existing(code).compose(hub -> {
      org.openfloor.domain.Actor actor = hub.actorOf(tokenHash);
      if (actor.isModerator()) {
        return gateway.registry().delete(code).map(Errors.NO_CONTENT);
      }
      return Future.succeededFuture(tokenHash == null || actor instanceof org.openfloor.domain.Actor.Nobody
          ? Errors.UNAUTHENTICATED : Errors.FORBIDDEN);
    }).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (ar.result() == Errors.NO_CONTENT) {
        ctx.response().setStatusCode(Errors.NO_CONTENT).end();
      } else {
        HttpErrors.respond(ctx, ar.result(), "only the moderator deletes the session");
      }
    });
  }

  private void snapshot(RoutingContext ctx) {
    gateway.registry().existing(code(ctx)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      respondJson(ctx, 200, ar.result().snapshot(tokenHash(ctx)));
    });
  }

  private void polls(RoutingContext ctx) {
    gateway.registry().existing(code(ctx)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      JsonObject snapshot = ar.result().snapshot(tokenHash(ctx));
      respondJson(ctx, 200, new JsonObject().put("seq", snapshot.getLong("seq")).put("polls", snapshot.getJsonArray("polls")));
    });
  }

  private void events(RoutingContext ctx) {
    long after = afterParameter(ctx.request().getParam("after"));
    gateway.registry().existing(code(ctx)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      respondJson(ctx, 200, ar.result().eventsAfter(after, tokenHash(ctx)));
    });
  }

  private void qrCode(RoutingContext ctx) {
    String code = code(ctx);
    gateway.registry().existing(code).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml")
          .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
          .end(QrSvg.of(links.attendee(ctx, code)));
    });
  }

  private static long afterParameter(String value) {
    if (value == null) {
      return 0;
    }
    try {
      long after = Long.parseLong(value);
      if (after < 0) {
        throw new BadInput("after must not be negative");
      }
      return after;
    } catch (NumberFormatException e) {
      throw new BadInput("after must be a whole number");
    }
  }

  private static void answer(RoutingContext ctx, Answer answer, Throwable failure) {
    if (failure != null) {
      ctx.fail(failure);
    } else {
      respondJson(ctx, answer.status(), answer.body());
    }
  }

  private static void respondJson(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body.toBuffer());
  }

  private static String code(RoutingContext ctx) {
    return SessionCodes.canonical(ctx.pathParam("code"));
  }

  private static String tokenHash(RoutingContext ctx) {
    return Tokens.hash(Tokens.fromAuthorization(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)));
  }
}
