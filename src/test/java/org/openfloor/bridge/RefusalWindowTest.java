package org.openfloor.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The refusal window of a bridge socket")
class RefusalWindowTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  @DisplayName("allows 50 refusals within 10 s and reports the 51st")
  void reportsTheOneTooMany() {
    RefusalWindow window = new RefusalWindow(50, 10, TimeUnit.SECONDS);
    List<Boolean> exceeded = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      exceeded.add(window.exceeded(i * SECOND / 10));
    }
    assertThat(exceeded.subList(0, 50)).containsOnly(false);
    assertThat(exceeded.get(50)).isTrue();
  }

  @Test
  @DisplayName("never reports a socket refused steadily at fewer than 50 per 10 s, however long it goes on")
  void toleratesASteadyPace() {
    RefusalWindow window = new RefusalWindow(50, 10, TimeUnit.SECONDS);
    boolean exceeded = false;
    for (int i = 0; i < 10_000; i++) {
      exceeded |= window.exceeded(i * SECOND / 4);
    }
    assertThat(exceeded).isFalse();
  }

  @Test
  @DisplayName("never reports anything when the limit is 0")
  void zeroDisables() {
    RefusalWindow window = new RefusalWindow(0, 10, TimeUnit.SECONDS);
    boolean exceeded = false;
    for (int i = 0; i < 1_000; i++) {
      exceeded |= window.exceeded(i);
    }
    assertThat(exceeded).isFalse();
  }
}
