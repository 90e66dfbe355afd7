package org.openfloor.edge;

import org.openfloor.domain.Actor;
import org.openfloor.live.SessionHub;
import org.openfloor.live.wire.Answer;
import org.openfloor.live.wire.CommandCodec;
import org.openfloor.live.wire.Errors;

/**
 * The rate limits both edges apply before a command reaches the log: one bucket per participant
 * (by token hash; tokens the session does not know share their sender's address bucket, so random
 * tokens buy nothing) and, for joins, a number of new participants per address per minute.
 */
public final class Throttle {
  private final RateLimiter commands;
  private final RateLimiter joins;

  public Throttle(int commandsPerSecond, int burst, int joinsPerMinute) {
    this.commands = RateLimiter.perSecond(commandsPerSecond, burst);
    this.joins = RateLimiter.perMinute(joinsPerMinute);
  }

  /** A fresh bucket for one socket, with the same rate and burst as a participant's. */
  public RateLimiter.Bucket socketBucket() {
    return commands.newBucket(System.nanoTime());
  }

  /** Whether a command of {@code type} to {@code hub}'s session, sent with {@code tokenHash} from {@code address}, may go on. */
  public boolean admit(SessionHub hub, String type, String tokenHash, String address) {
    long now = System.nanoTime();
    if (CommandCodec.JOIN.equals(type)) {
      return joins.tryTake(addressKey(address), now);
    }
    return commands.tryTake(keyOf(hub.actorOf(tokenHash), tokenHash, address), now);
  }

  /** Whether a new session may be created from {@code address} (counted like a join). */
  public boolean admitCreation(String address) {
    return joins.tryTake("create:" + addressKey(address), System.nanoTime());
  }

  private static String keyOf(Actor actor, String tokenHash, String address) {
    return actor instanceof Actor.Nobody ? addressKey(address) : tokenHash;
  }

  private static String addressKey(String address) {
    return "ip:" + (address == null ? "unknown" : address);
  }

  /** The answer to a refused command. */
  public static Answer tooMany() {
    return new Answer(0, Errors.TOO_MANY, Errors.body(Errors.TOO_MANY, "too many requests: slow down"));
  }
}
