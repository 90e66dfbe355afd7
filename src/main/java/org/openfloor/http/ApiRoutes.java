package org.openfloor.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.openfloor.edge.CommandDoor;
import org.openfloor.edge.Inbound;
import org.openfloor.live.wire.Answer;
import org.openfloor.live.wire.BadInput;
import org.openfloor.live.wire.CommandCodec;
import org.openfloor.live.wire.Errors;
import org.openfloor.live.wire.SessionCodes;
import org.openfloor.live.SessionRegistry;

/**
 * The REST API of the public contract: thin handlers. A command route reads the JSON body, merges the path's
 * id into it under the command's field name, and hands it to the {@link CommandDoor}; read routes ask the
 * session's hub.
 */
public final class ApiRoutes {
  private static final String BODY = "openfloor.body";
  private static final String JSON = "application/json";
  /** The field a path's {@code :id} fills, per kind of resource. */
  private static final String QUESTION = "questionId";
  private static final String POLL = "pollId";
  private static final String ENTRY = "id";

  private final CommandDoor door;
  private final SessionRegistry registry;
  private final Links links;
  private final int maxBodyBytes;

  public ApiRoutes(CommandDoor door, SessionRegistry registry, Links links, int maxBodyBytes) {
    this.door = door;
    this.registry = registry;
    this.links = links;
    this.maxBodyBytes = maxBodyBytes;
  }

  public Router router(Vertx vertx) {
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    api.post("/sessions").handler(this::jsonBody).handler(this::createSession);
    api.get("/sessions/:code").handler(this::snapshot);
    api.patch("/sessions/:code").handler(this::jsonBody).handler(command(CommandCodec.UPDATE_SESSION, null));
    api.delete("/sessions/:code").handler(this::deleteSession);
    api.post("/sessions/:code/participants").handler(this::jsonBody).handler(command(CommandCodec.JOIN, null));
    api.post("/sessions/:code/questions").handler(this::jsonBody).handler(command(CommandCodec.ASK, null));
    api.put("/sessions/:code/questions/:id/vote").handler(this::optionalJsonBody).handler(command(CommandCodec.VOTE, QUESTION));
    api.delete("/sessions/:code/questions/:id/vote").handler(this::optionalJsonBody)
        .handler(command(CommandCodec.UNVOTE, QUESTION));
    api.patch("/sessions/:code/questions/:id").handler(this::jsonBody).handler(command(CommandCodec.MODERATE, QUESTION));
    api.get("/sessions/:code/polls").handler(this::polls);
    api.post("/sessions/:code/polls").handler(this::jsonBody).handler(command(CommandCodec.POLL_CREATE, null));
    api.patch("/sessions/:code/polls/:id").handler(this::jsonBody).handler(command(CommandCodec.POLL_UPDATE, POLL));
    api.put("/sessions/:code/polls/:id/vote").handler(this::jsonBody).handler(command(CommandCodec.POLL_VOTE, POLL));
    api.patch("/sessions/:code/polls/:id/words").handler(this::jsonBody)
        .handler(command(CommandCodec.POLL_HIDE_WORD, POLL));
    queueRoutes(api);
    breakoutRoutes(api);
    api.get("/sessions/:code/events").handler(this::events);
    api.get("/sessions/:code/qr.svg").handler(this::qrCode);
    api.route().last().handler(ctx -> HttpErrors.respond(ctx, Errors.NOT_FOUND, "no such resource"));
    api.route().failureHandler(HttpErrors::handle);
    return api;
  }

  private void queueRoutes(Router api) {
    api.post("/sessions/:code/queue").handler(this::optionalJsonBody).handler(command(CommandCodec.QUEUE_REQUEST, null));
    api.patch("/sessions/:code/queue").handler(this::jsonBody).handler(command(CommandCodec.QUEUE_UPDATE, null));
    api.post("/sessions/:code/queue/next").handler(this::optionalJsonBody).handler(command(CommandCodec.QUEUE_NEXT, null));
    api.post("/sessions/:code/queue/timer").handler(this::jsonBody).handler(command(CommandCodec.QUEUE_TIMER, null));
    api.post("/sessions/:code/queue/clear").handler(this::optionalJsonBody)
        .handler(command(CommandCodec.QUEUE_CLEAR, null));
    api.delete("/sessions/:code/queue/:id").handler(this::optionalJsonBody)
        .handler(command(CommandCodec.QUEUE_WITHDRAW, ENTRY));
    api.patch("/sessions/:code/queue/:id").handler(this::jsonBody).handler(command(CommandCodec.QUEUE_EDIT, ENTRY));
    api.post("/sessions/:code/queue/:id/accept").handler(this::optionalJsonBody)
        .handler(command(CommandCodec.QUEUE_ACCEPT, ENTRY));
  }

  private void breakoutRoutes(Router api) {
    api.post("/sessions/:code/queue/briefings").handler(this::optionalJsonBody)
        .handler(command(CommandCodec.QUEUE_BRIEFING, null));
    api.post("/sessions/:code/groups").handler(this::jsonBody).handler(this::createGroup);
    api.put("/sessions/:code/groups/:id/notes").handler(this::jsonBody)
        .handler(command(CommandCodec.GROUP_NOTES, "groupId"));
    api.patch("/sessions/:code/participants/me").handler(this::jsonBody)
        .handler(command(CommandCodec.GROUP_SWITCH, null));
    api.post("/sessions/:code/messages").handler(this::jsonBody).handler(command(CommandCodec.MESSAGE_CREATE, null));
    api.patch("/sessions/:code/messages/:id").handler(this::jsonBody)
        .handler(command(CommandCodec.MESSAGE_EDIT, "messageId"));
    api.post("/sessions/:code/messages/:id/comments").handler(this::jsonBody)
        .handler(command(CommandCodec.MESSAGE_COMMENT, "messageId"));
    api.get("/sessions/:code/report").handler(new ReportRoute(registry)::handle);
  }

  /** Submits {@code type} through the door with the body, and the path's {@code id} as {@code idField} when given. */
  private io.vertx.core.Handler<RoutingContext> command(String type, String idField) {
    return ctx -> submit(ctx, type, idField).onComplete(ar -> answer(ctx, ar.result(), ar.cause()));
  }

  private Future<Answer> submit(RoutingContext ctx, String type, String idField) {
    JsonObject body = ctx.get(BODY);
    if (idField != null) {
      body.put(idField, ctx.pathParam("id"));
    }
    return door.submit(new Inbound(ctx.pathParam("code"), type, body, authorization(ctx),
        ctx.request().remoteAddress().hostAddress()));
  }

  private void createGroup(RoutingContext ctx) {
    String code = code(ctx);
    submit(ctx, CommandCodec.GROUP_CREATE, null).onComplete(ar -> {
      if (ar.succeeded() && ar.result().succeeded()) {
        JsonObject body = ar.result().body();
        String link = links.facilitator(ctx, code, body.getString("id"), body.getString("facilitatorToken"));
        ar = Future.succeededFuture(ar.result().with(new JsonObject().put("links", new JsonObject().put("facilitator", link))));
      }
      answer(ctx, ar.result(), ar.cause());
    });
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
    door.create(ctx.get(BODY), authorization(ctx), ctx.request().remoteAddress().hostAddress()).onComplete(ar -> {
      if (ar.succeeded() && ar.result().succeeded()) {
        String code = ar.result().body().getString("code");
        String token = ar.result().body().getString("moderatorToken");
        ar = Future.succeededFuture(ar.result().with(new JsonObject().put("links", links.of(ctx, code, token))));
      }
      answer(ctx, ar.result(), ar.cause());
    });
  }


  private void deleteSession(RoutingContext ctx) {
    String code = code(ctx);
    String tokenHash = tokenHash(ctx);
    registry.existing(code).compose(hub -> {
      org.openfloor.domain.Actor actor = hub.actorOf(tokenHash);
      if (actor.isModerator()) {
        return registry.delete(code).map(Errors.NO_CONTENT);
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
    registry.existing(code(ctx)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      respondJson(ctx, 200, ar.result().snapshot(tokenHash(ctx)));
    });
  }

  private void polls(RoutingContext ctx) {
    registry.existing(code(ctx)).onComplete(ar -> {
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
    registry.existing(code(ctx)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      respondJson(ctx, 200, ar.result().eventsAfter(after, tokenHash(ctx)));
    });
  }

  private void qrCode(RoutingContext ctx) {
    String code = code(ctx);
    registry.existing(code).onComplete(ar -> {
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

  private static String authorization(RoutingContext ctx) {
    return ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
  }

  private static String tokenHash(RoutingContext ctx) {
    return CommandDoor.tokenHash(authorization(ctx));
  }
}
