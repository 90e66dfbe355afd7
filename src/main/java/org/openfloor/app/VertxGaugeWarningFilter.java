package org.openfloor.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops one known, harmless warning: Micrometer (1.13.9 and later) warns when a gauge is registered twice,
 * and Vert.x's Micrometer metrics register the same connection and pool gauges again for every new
 * connection, by design, keeping one counter per meter id (vert-x3/vertx-micrometer-metrics#259,
 * micrometer-metrics/micrometer#6931). Only re-registrations of Vert.x's own {@code vertx.*} gauges are
 * dropped; a duplicate OpenFloor gauge still warns. Installed by {@code logback.xml}.
 */
public final class VertxGaugeWarningFilter extends TurboFilter {

  static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";
  static final String PREFIX = "This Gauge has been already registered (MeterId{name='vertx.";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format != null && level == Level.WARN && LOGGER.equals(logger.getName()) && format.startsWith(PREFIX)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
