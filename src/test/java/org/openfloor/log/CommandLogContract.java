package org.openfloor.log;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLACEHOLDER contract suite from the redis-log branch, only so that branch compiles: on merge,
 * take the full suite written with the SQLite log instead of this file.
 */
@ExtendWith(VertxExtension.class)
public abstract class CommandLogContract {

  /** A fresh, empty log for one test. */
  protected abstract Future<CommandLog> openLog(Vertx vertx);

  @Test
  @DisplayName("An appended entry can be read back with sequence number 1")
  void appendThenRead(Vertx vertx, VertxTestContext testContext) {
    openLog(vertx)
        .compose(log -> log.append("s1", "hello")
            .compose(entry -> log.read("s1", 0, 10).map(entries -> {
              testContext.verify(() -> {
                assertThat(entry.seq()).isEqualTo(1);
                assertThat(entries).containsExactly(entry);
              });
              return log;
            }))
            .compose(CommandLog::close))
        .onComplete(testContext.succeedingThenComplete());
  }
}
