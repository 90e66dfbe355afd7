package org.openfloor.domain;

import java.util.Locale;
import java.util.Optional;

/** The names enumerations carry on the wire: lower case, dashes for underscores. */
public final class WireNames {
  private WireNames() {
  }

  public static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
    for (E candidate : type.getEnumConstants()) {
      if (of(candidate).equals(wire)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
