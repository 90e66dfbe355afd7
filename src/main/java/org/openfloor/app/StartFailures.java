package org.openfloor.app;

import java.io.IOException;
import java.net.BindException;

/** One line a person can act on for a deployment that failed: which setting, what went wrong. */
final class StartFailures {
  private StartFailures() {
  }

  static String describe(Throwable failure, OpenFloorConfig config) {
    if (isConfiguration(failure)) {
      return config.httpHost() + ":" + config.httpPort() + " is already in use or cannot be bound ("
          + ConfigLoader.environmentName("httpHost") + ", " + ConfigLoader.environmentName("httpPort") + "): "
          + rootOf(failure).getMessage();
    }
    Throwable root = rootOf(failure);
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /**
   * A port that cannot be bound is a setting to change, like a bad value. The JDK's transport says so with a
   * {@link BindException}; Netty's native ones (epoll, io_uring) with an {@link IOException} whose message
   * starts {@code bind(..) failed}.
   */
  static boolean isConfiguration(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException
          || t instanceof IOException && t.getMessage() != null && t.getMessage().startsWith("bind(")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootOf(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
