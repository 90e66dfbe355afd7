package org.openfloor.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.function.Function;

import org.openfloor.log.CommandLog;
import org.openfloor.log.RedisCommandLog;
import org.openfloor.log.RedisLogOptions;
import org.openfloor.log.SqliteCommandLog;

/** Opens the {@code CommandLog} the configuration names. */
final class LogOpener {
  static final String SQLITE_FILE = "openfloor.db";

  private LogOpener() {
  }

  static Function<Vertx, Future<CommandLog>> of(OpenFloorConfig config) {
    return switch (config.log()) {
      case SQLITE -> vertx -> SqliteCommandLog.open(vertx, config.dataDir().resolve(SQLITE_FILE)).map(CommandLog.class::cast);
      case REDIS -> vertx -> RedisCommandLog.open(vertx, new RedisLogOptions(config.redisUrl(), config.redisKeyPrefix(),
          config.redisWaitReplicas(), config.redisWaitTimeoutMs())).map(CommandLog.class::cast);
    };
  }
}
