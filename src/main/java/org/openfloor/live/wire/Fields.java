package org.openfloor.live.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.openfloor.domain.Texts;

/**
 * Reads the fields of one JSON object strictly: each accessor checks the type, and
 * {@link #noOthers()} refuses any field that was not read. Text is Unicode-normalised.
 */
public final class Fields {
  private final JsonObject json;
  private final Set<String> known = new HashSet<>();

  Fields(JsonObject json) {
    this.json = json == null ? new JsonObject() : json;
  }

  String text(String name) {
    return optionalText(name).orElseThrow(() -> new BadInput(name + " is required"));
  }

  Optional<String> optionalText(String name) {
    return value(name, String.class, "a string").map(Texts::normalise);
  }

  Optional<String> optionalId(String name) {
    return value(name, String.class, "a string");
  }

  String id(String name) {
    return optionalId(name).orElseThrow(() -> new BadInput(name + " is required"));
  }

  Optional<Boolean> optionalBoolean(String name) {
    return value(name, Boolean.class, "true or false");
  }

  Optional<Long> optionalLong(String name) {
    Optional<Number> number = value(name, Number.class, "a number");
    return number.map(n -> {
      if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > 9e15) {
        throw new BadInput(name + " must be a whole number");
      }
      return n.longValue();
    });
  }

  Optional<Integer> optionalInt(String name) {
    return optionalLong(name).map(n -> {
      if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
        throw new BadInput(name + " is out of range");
      }
      return n.intValue();
    });
  }

  Optional<JsonArray> optionalArray(String name) {
    return value(name, JsonArray.class, "an array");
  }

  /** An array of strings, each normalised like {@link #optionalText}, of at most {@code maxItems}. */
  Optional<List<String>> optionalTexts(String name, int maxItems) {
    return optionalStrings(name, maxItems).map(list -> list.stream().map(Texts::normalise).toList());
  }

  /** An array of strings taken as they are (ids), of at most {@code maxItems}. */
  Optional<List<String>> optionalStrings(String name, int maxItems) {
    return optionalArray(name).map(array -> {
      if (array.size() > maxItems) {
        throw new BadInput(name + " must have at most " + maxItems + " items");
      }
      return array.stream().map(item -> {
        if (!(item instanceof String text)) {
          throw new BadInput(name + " must be an array of strings");
        }
        requireWellFormed(name, text);
        return text;
      }).toList();
    });
  }

  <E> Optional<E> optionalEnum(String name, Function<String, Optional<E>> parse) {
    return optionalId(name).map(wire -> parse.apply(wire)
        .orElseThrow(() -> new BadInput(name + " has no value '" + abbreviate(wire) + "'")));
  }

  /** Marks a field as allowed without reading it (e.g. fields the edge consumed already). */
  void allow(String... names) {
    known.addAll(Set.of(names));
  }

  void noOthers() {
    for (String name : json.fieldNames()) {
      if (!known.contains(name)) {
        throw new BadInput("unknown field '" + abbreviate(name) + "'");
      }
    }
  }

  private <T> Optional<T> value(String name, Class<T> type, String expected) {
    known.add(name);
    Object value = json.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new BadInput(name + " must be " + expected);
    }
    if (value instanceof String text) {
      requireWellFormed(name, text);
    }
    return Optional.of(type.cast(value));
  }

  private static void requireWellFormed(String name, String text) {
    if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
      throw new BadInput(name + " is not valid Unicode (unpaired surrogate)");
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
