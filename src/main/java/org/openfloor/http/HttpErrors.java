package org.openfloor.http;

import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;

import org.openfloor.live.wire.BadInput;
import org.openfloor.live.wire.Errors;
import org.openfloor.live.LogUnavailable;
import org.openfloor.live.NoSuchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one error mapping of the HTTP edge: every failure becomes {@code {error, message}} with its status. */
final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {
  }

  static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof BadInput || failure instanceof DecodeException) {
      respond(ctx, Errors.BAD_INPUT, failure instanceof BadInput ? failure.getMessage() : "the body is not valid JSON");
    } else if (failure instanceof NoSuchSession) {
      respond(ctx, Errors.NOT_FOUND, failure.getMessage());
    } else if (failure instanceof LogUnavailable) {
      respond(ctx, Errors.UNAVAILABLE, failure.getMessage());
    } else if (failure == null && ctx.statusCode() == Errors.TOO_LARGE) {
      respond(ctx, Errors.TOO_LARGE, "the body is too large");
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      respond(ctx, ctx.statusCode(), "request refused");
    } else {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
      respond(ctx, 500, "internal error");
    }
  }

  static void respond(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(Errors.body(status, message).toBuffer());
  }
}
