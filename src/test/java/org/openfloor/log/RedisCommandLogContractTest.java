package org.openfloor.log;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.UUID;

/** Runs the shared {@link CommandLog} contract against Redis, with a fresh key prefix per test. */
class RedisCommandLogContractTest extends CommandLogContract {

  @Override
  protected Future<CommandLog> openLog(Vertx vertx) {
    RedisLogOptions options = RedisLogOptions.of(RedisTestServer.shared().url())
        .withKeyPrefix("contract-" + UUID.randomUUID() + ":");
    return RedisCommandLog.open(vertx, options).map(log -> log);
  }
}
