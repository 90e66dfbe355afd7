package org.openfloor.edge;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import org.openfloor.live.wire.Answer;
import org.openfloor.edge.CommandGateway;
import org.openfloor.live.wire.Errors;
import org.openfloor.edge.RateLimiter;
import org.openfloor.live.wire.SessionCodes;
import org.openfloor.edge.Throttle;
import org.openfloor.edge.Tokens;

/**
 * The one door every command passes, whether it came over REST, the SockJS bridge or the plain {@code /ws}
 * bridge. Each step happens here once and in this order: canonicalise the session code, hash the token,
 * find the session's hub, throttle (per participant, joins per address), then decode and submit to the hub
 * through the gateway. The transports only turn what they received into an {@link Inbound} and the {@link Answer} back
 * into their own framing.
 */
public final class CommandDoor {
  private final CommandGateway gateway;
  private final Throttle throttle;
  private final String creationTokenHash;

  /** {@code sessionCreationToken}: empty when anyone may create a session. */
  public CommandDoor(CommandGateway gateway, Throttle throttle, String sessionCreationToken) {
    this.gateway = gateway;
    this.throttle = throttle;
    this.creationTokenHash = sessionCreationToken.isEmpty() ? null : Tokens.hash(sessionCreationToken);
  }

  /**
   * Submits one command; the answer is the same whichever transport brought it. The session's hub is found once
   * (an unknown session is a 404 before anything else); {@code inbound}'s fields are consumed.
   */
  public Future<Answer> submit(Inbound inbound) {
    String code = SessionCodes.canonical(inbound.code());
    String tokenHash = tokenHash(inbound.authorization());
    return gateway.registry().existing(code).compose(hub -> throttle.admit(hub, inbound.type(), tokenHash,
        inbound.remoteAddress()) ? gateway.submit(hub, inbound.type(), inbound.fields(), tokenHash)
        : Future.succeededFuture(Throttle.tooMany()));
  }

  /** Creates a session: counted per address like a join, and gated by the server's creation token if set. */
  public Future<Answer> create(JsonObject fields, String authorization, String remoteAddress) {
    if (!throttle.admitCreation(remoteAddress)) {
      return Future.succeededFuture(refusal(Errors.TOO_MANY, "too many new sessions from this address: slow down"));
    }
    if (creationTokenHash != null && !Tokens.sameHash(creationTokenHash, tokenHash(authorization))) {
      return Future.succeededFuture(refusal(Errors.UNAUTHENTICATED, "creating sessions needs the server's creation token"));
    }
    return gateway.create(fields);
  }

  /** A bucket for one bridge socket, with a participant's rate and burst: checked before the door. */
  public RateLimiter.Bucket socketBucket() {
    return throttle.socketBucket();
  }

  /** The hash a reader's {@code Authorization} value stands for (none without a bearer token). */
  public static String tokenHash(String authorization) {
    return Tokens.hash(Tokens.fromAuthorization(authorization));
  }

  private static Answer refusal(int status, String message) {
    return new Answer(0, status, Errors.body(status, message));
  }
}
