package org.openfloor.live.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.openfloor.domain.WireNames;

/** Small helpers shared by the snapshot parts: optionals as JSON null, enums by wire name, lists. */
public final class SnapshotJson {
  private SnapshotJson() {
  }

  static Object orNull(Optional<?> value) {
    return value.orElse(null);
  }

  static Optional<String> optionalString(JsonObject json, String key) {
    return Optional.ofNullable(json.getString(key));
  }

  static Optional<Long> optionalLong(JsonObject json, String key) {
    return Optional.ofNullable(json.getLong(key));
  }

  static Optional<Integer> optionalInt(JsonObject json, String key) {
    return Optional.ofNullable(json.getInteger(key));
  }

  static String wire(Enum<?> value) {
    return value == null ? null : WireNames.of(value);
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String wire) {
    return WireNames.parse(type, wire)
        .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " '" + wire + "'"));
  }

  static <E extends Enum<E>> Optional<E> optionalEnum(Class<E> type, JsonObject json, String key) {
    return optionalString(json, key).map(wire -> enumOf(type, wire));
  }

  static <T> JsonArray array(List<T> items, Function<T, Object> toJson) {
    JsonArray array = new JsonArray(new ArrayList<>(items.size()));
    items.forEach(item -> array.add(toJson.apply(item)));
    return array;
  }

  static <T> List<T> objects(JsonArray array, Function<JsonObject, T> fromJson) {
    List<T> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(fromJson.apply(array.getJsonObject(i)));
    }
    return items;
  }

  static List<String> strings(JsonArray array) {
    List<String> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(array.getString(i));
    }
    return items;
  }

  static List<Integer> ints(JsonArray array) {
    List<Integer> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(array.getInteger(i));
    }
    return items;
  }
}
