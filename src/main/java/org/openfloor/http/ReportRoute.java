package org.openfloor.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import org.openfloor.live.wire.BadInput;
import org.openfloor.live.wire.SessionCodes;
import org.openfloor.live.SessionRegistry;
import org.openfloor.report.Headings;
import org.openfloor.report.Report;
import org.openfloor.report.ReportBuilder;
import org.openfloor.report.ReportFormat;

/**
 * {@code GET /api/sessions/{code}/report?format=md|html|csv|json&lang=en&download=1}: the report of
 * the session's public content, open to anyone. Every format but HTML comes as an attachment; HTML
 * shows in the browser unless {@code download=1}.
 */
final class ReportRoute {
  private final SessionRegistry registry;

  ReportRoute(SessionRegistry registry) {
    this.registry = registry;
  }

  void handle(RoutingContext ctx) {
    String code = SessionCodes.canonical(ctx.pathParam("code"));
    String formatName = ctx.request().getParam("format", "json");
    ReportFormat format = ReportFormat.of(formatName)
        .orElseThrow(() -> new BadInput("format must be md, html, csv or json"));
    Headings headings = Headings.of(ctx.request().getParam("lang"));
    boolean download = "1".equals(ctx.request().getParam("download"));
    registry.existing(code).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      Report report = ar.result().read(ReportBuilder::of);
      String disposition = format == ReportFormat.HTML && !download ? "inline" : "attachment";
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, format.mediaType())
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .putHeader("Content-Disposition", disposition + "; filename=\"openfloor-" + code + "-report." + format.extension() + "\"")
          .putHeader("X-Content-Type-Options", "nosniff")
          .end(format.render(report, headings));
    });
  }
}
