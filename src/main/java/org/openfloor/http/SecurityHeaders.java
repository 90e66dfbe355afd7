package org.openfloor.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the browser protections on every response: a Content-Security-Policy without inline script,
 * no framing (except the screen page, where the configured ancestors may embed it), no referrer,
 * no content sniffing. The SockJS endpoint keeps its own iframe transport usable.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self' ws: wss:; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors ";
  private static final String NONE = "'none'";
  private static final String SCREEN_PAGE = "/screen.html";
  private static final String BRIDGE = "/eventbus/";

  private final String screenFrameAncestors;

  public SecurityHeaders(String screenFrameAncestors) {
    this.screenFrameAncestors = screenFrameAncestors == null || screenFrameAncestors.isBlank()
        ? NONE : screenFrameAncestors.trim();
  }

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    String path = ctx.normalizedPath();
    if (!path.startsWith(BRIDGE)) {
      String ancestors = SCREEN_PAGE.equals(path) ? screenFrameAncestors : NONE;
      headers.set("Content-Security-Policy", POLICY + ancestors);
      if (NONE.equals(ancestors)) {
        headers.set("X-Frame-Options", "DENY");
      }
    }
    ctx.next();
  }
}
