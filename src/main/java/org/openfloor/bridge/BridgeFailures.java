package org.openfloor.bridge;

import org.openfloor.live.wire.BadInput;
import org.openfloor.live.wire.Errors;
import org.openfloor.live.LogUnavailable;
import org.openfloor.live.NoSuchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Failed command futures as status and message for a bridge reply, the same mapping as HTTP. */
final class BridgeFailures {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeFailures.class);

  private BridgeFailures() {
  }

  static int status(Throwable failure) {
    if (failure instanceof BadInput) {
      return Errors.BAD_INPUT;
    }
    if (failure instanceof NoSuchSession) {
      return Errors.NOT_FOUND;
    }
    if (failure instanceof LogUnavailable) {
      return Errors.UNAVAILABLE;
    }
    LOG.error("Bridge command failed", failure);
    return 500;
  }

  static String message(Throwable failure) {
    return failure instanceof BadInput || failure instanceof NoSuchSession || failure instanceof LogUnavailable
        ? failure.getMessage() : "internal error";
  }
}
