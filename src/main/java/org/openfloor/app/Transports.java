package org.openfloor.app;

import io.vertx.core.transport.Transport;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty transport a node runs on: the configured one ({@code nio}, {@code epoll}, {@code io_uring}) where it loads, else NIO. */
public final class Transports {
  private static final Logger LOG = LoggerFactory.getLogger(Transports.class);

  private Transports() {
  }

  /** The transport named {@code name}, or NIO (with a warning) when it cannot load on this machine. */
  public static Transport named(String name) {
    Transport wanted = switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "nio" -> Transport.NIO;
      case "epoll" -> Transport.EPOLL;
      case "io_uring" -> Transport.IO_URING;
      default -> throw new IllegalArgumentException("transport must be nio, epoll or io_uring, not '" + name + "'");
    };
    if (wanted.available()) {
      return wanted;
    }
    LOG.warn("The {} transport cannot be used here ({}); using NIO", name, String.valueOf(wanted.unavailabilityCause()));
    return Transport.NIO;
  }
}
