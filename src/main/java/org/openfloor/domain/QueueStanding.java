package org.openfloor.domain;

import java.util.Optional;

/**
 * Where one participant stands in the queue: their open request, their 1-based place in line
 * (0 while they have the floor, empty while a point of order awaits acceptance or without request).
 */
public record QueueStanding(Optional<QueueEntry> entry, Optional<Integer> position, boolean pending) {

  public static final QueueStanding NONE = new QueueStanding(Optional.empty(), Optional.empty(), false);

  public boolean speaking() {
    return position.filter(p -> p == 0).isPresent();
  }

  public boolean next() {
    return position.filter(p -> p == 1).isPresent();
  }
}
