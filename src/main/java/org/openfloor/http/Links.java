package org.openfloor.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The links of a session's pages. The moderator's token travels in the fragment, which browsers
 * never send to a server, so it stays out of access logs.
 */
public final class Links {
  private final String publicUrl;

  public Links(String publicUrl) {
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  JsonObject of(RoutingContext ctx, String code, String moderatorToken) {
    String base = base(ctx);
    return new JsonObject()
        .put("attendee", attendee(ctx, code))
        .put("moderator", base + "/moderate.html?code=" + code + "#token=" + moderatorToken)
        .put("screen", base + "/screen.html?code=" + code)
        .put("report", base + "/report.html?code=" + code);
  }

  /** The facilitator console of one group; the token travels in the fragment like the moderator's. */
  String facilitator(RoutingContext ctx, String code, String groupId, String facilitatorToken) {
    return base(ctx) + "/facilitate.html?code=" + code + "&group=" + groupId + "#token=" + facilitatorToken;
  }

  String attendee(RoutingContext ctx, String code) {
    return base(ctx) + "/j/" + code;
  }

  private String base(RoutingContext ctx) {
    if (!publicUrl.isEmpty()) {
      return publicUrl;
    }
    return ctx.request().scheme() + "://" + ctx.request().getHeader("Host");
  }
}
