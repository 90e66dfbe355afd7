package org.openfloor.live.wire;

import io.vertx.core.json.JsonObject;

import org.openfloor.domain.Rejection;

/** The one mapping of refusals to HTTP status codes and the {@code {error, message}} body. */
public final class Errors {
  public static final int NO_CONTENT = 204;
  public static final int BAD_INPUT = 400;
  public static final int UNAUTHENTICATED = 401;
  public static final int FORBIDDEN = 403;
  public static final int NOT_FOUND = 404;
  public static final int CONFLICT = 409;
  public static final int TOO_LARGE = 413;
  public static final int TOO_MANY = 429;
  public static final int UNAVAILABLE = 503;

  private Errors() {
  }

  public static int status(Rejection.Reason reason) {
    return switch (reason) {
      case BAD_INPUT -> BAD_INPUT;
      case UNAUTHENTICATED -> UNAUTHENTICATED;
      case FORBIDDEN -> FORBIDDEN;
      case NOT_FOUND -> NOT_FOUND;
      case CONFLICT -> CONFLICT;
    };
  }

  public static String code(int status) {
    return switch (status) {
      case BAD_INPUT -> "bad_input";
      case UNAUTHENTICATED -> "unauthenticated";
      case FORBIDDEN -> "forbidden";
      case NOT_FOUND -> "not_found";
      case CONFLICT -> "conflict";
      case TOO_LARGE -> "too_large";
      case TOO_MANY -> "too_many_requests";
      case UNAVAILABLE -> "unavailable";
      default -> "internal";
    };
  }

  public static JsonObject body(int status, String message) {
    return new JsonObject().put("error", code(status)).put("message", message);
  }

  public static Answer answer(Rejection rejection, long seq) {
    int status = status(rejection.reason());
    return new Answer(seq, status, body(status, rejection.message()));
  }
}
