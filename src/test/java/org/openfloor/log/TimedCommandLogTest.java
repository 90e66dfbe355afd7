package org.openfloor.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The timing wrapper of the command log")
class TimedCommandLogTest {
  @Test
  @DisplayName("passes every CommandLog method on, default methods included, so none falls back to a refusal")
  void overridesEveryMethod() throws NoSuchMethodException {
    for (Method method : CommandLog.class.getMethods()) {
      if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Method own = TimedCommandLog.class.getMethod(method.getName(), method.getParameterTypes());
      assertThat(own.getDeclaringClass()).as(method.getName() + Arrays.toString(method.getParameterTypes()))
          .isEqualTo(TimedCommandLog.class);
    }
  }
}
