package org.openfloor.domain;

import java.util.Optional;

import org.openfloor.domain.Command.RunTimer;

/** What each timer action needs and does to the current speaker's clock. */
final class TimerRules {
  private TimerRules() {
  }

  static Optional<Rejection> problem(Optional<Speaker> current, RunTimer timer) {
    if (current.isEmpty()) {
      return Optional.of(Rejection.conflict("nobody has the floor"));
    }
    if (timer.seconds().isPresent() && timer.action() != TimerAction.EXTEND) {
      return Optional.of(Rejection.badInput("seconds goes only with extend"));
    }
    if (timer.action() == TimerAction.PAUSE && current.get().isPaused()) {
      return Optional.of(Rejection.conflict("the clock is already paused"));
    }
    if (timer.action() == TimerAction.RESUME && !current.get().isPaused()) {
      return Optional.of(Rejection.conflict("the clock is running"));
    }
    return timer.seconds().flatMap(s -> FloorRules.secondsProblem("seconds", s, 1));
  }

  static Speaker next(Speaker speaker, RunTimer timer, long at) {
    return switch (timer.action()) {
      case START -> speaker.restarted(at);
      case PAUSE -> speaker.paused(at);
      case RESUME -> speaker.resumed(at);
      case EXTEND -> speaker.extended(timer.seconds().orElse(MicQueue.DEFAULT_EXTENSION_SECONDS));
      case FINISH -> throw new IllegalArgumentException("finishing ends the turn");
    };
  }
}
