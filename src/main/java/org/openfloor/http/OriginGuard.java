package org.openfloor.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.List;

import org.openfloor.live.wire.Errors;

/**
 * Refuses browser requests and socket upgrades from foreign origins: an {@code Origin} that is neither
 * the server's own (same host as the request) nor on the allow-list gets 403. No {@code Origin}
 * (non-browser clients) passes.
 */
public final class OriginGuard implements Handler<RoutingContext> {
  private final List<String> allowed;

  public OriginGuard(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin == null || isOwn(origin, ctx.request().getHeader(HttpHeaders.HOST)) || allowed.contains(origin)) {
      ctx.next();
    } else {
      HttpErrors.respond(ctx, Errors.FORBIDDEN, "origin not allowed");
    }
  }

  static boolean isOwn(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
