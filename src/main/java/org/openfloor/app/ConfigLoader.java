package org.openfloor.app;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.openfloor.live.LiveOptions;

/**
 * Reads {@code config/openfloor.json} (or the file named by {@code OPENFLOOR_CONFIG}), falling back to
 * the copy inside the jar, then lets an {@code OPENFLOOR_*} variable override each key: the key in
 * upper snake case, e.g. {@code httpPort} from {@code OPENFLOOR_HTTP_PORT}.
 */
public final class ConfigLoader {
  private static final String DEFAULT_FILE = "config/openfloor.json";
  private static final String BUNDLED = "/openfloor.json";
  private static final int DEFAULT_MAX_REFUSALS_PER_SOCKET = 50;
  private static final int MAX_PORT = 65_535;

  private ConfigLoader() {
  }

  public static OpenFloorConfig load(Map<String, String> env) {
    JsonObject json = readDefaults(env.getOrDefault("OPENFLOOR_CONFIG", DEFAULT_FILE));
    applyEnvironment(json, env);
    return fromJson(json);
  }

  /** The defaults as shipped, with {@code overrides} merged in (for tests and tools). */
  public static OpenFloorConfig defaultsWith(JsonObject overrides) {
    JsonObject json = readDefaults(DEFAULT_FILE).mergeIn(overrides);
    return fromJson(json);
  }

  static String environmentName(String key) {
    return "OPENFLOOR_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static JsonObject readDefaults(String file) {
    Path path = Path.of(file);
    try {
      if (Files.isRegularFile(path)) {
        return parsed(path.toString(), Files.readString(path));
      }
      try (InputStream in = ConfigLoader.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalArgumentException("no configuration: neither " + path + " nor bundled defaults");
        }
        return parsed(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the configuration file " + path + ": " + e.getMessage());
    }
  }

  private static JsonObject parsed(String source, String text) {
    try {
      return new JsonObject(text);
    } catch (io.vertx.core.json.DecodeException e) {
      throw new IllegalArgumentException("the configuration file " + source + " is not a JSON object: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static void applyEnvironment(JsonObject json, Map<String, String> env) {
    for (String key : json.fieldNames()) {
      String value = env.get(environmentName(key));
      if (value != null) {
        json.put(key, typed(key, json.getValue(key), value));
      }
    }
  }

  private static Object typed(String key, Object defaultValue, String value) {
    String trimmed = value.trim();
    try {
      if (defaultValue instanceof Integer) {
        return Integer.parseInt(trimmed);
      }
      if (defaultValue instanceof Long) {
        return Long.parseLong(trimmed);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(environmentName(key) + " must be a whole number, not '" + value + "'");
    }
    if (defaultValue instanceof Boolean) {
      if (!trimmed.equalsIgnoreCase("true") && !trimmed.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException(environmentName(key) + " must be true or false, not '" + value + "'");
      }
      return Boolean.parseBoolean(trimmed);
    }
    return value;
  }

  /** Every key of the defaults (the bundled copy when there is no file) with its value, for {@code --help}. */
  static JsonObject defaults(Map<String, String> env) {
    return readDefaults(env.getOrDefault("OPENFLOOR_CONFIG", DEFAULT_FILE));
  }

  static OpenFloorConfig fromJson(JsonObject json) {
    atLeast(0, json, "httpPort", "maxRefusalsPerSocket", "recentEvents", "rememberedRequests", "snapshotEvery",
        "redisWaitReplicas", "retentionDays");
    atLeast(1, json, "maxBodyBytes", "maxFrameBytes", "maxHandlersPerSocket", "coalesceMillis", "answerTimeoutMillis",
        "rateCommandsPerSecond", "rateBurst", "joinsPerIpPerMinute", "redisWaitTimeoutMs");
    if (json.getInteger("httpPort") > MAX_PORT) {
      throw new IllegalArgumentException(environmentName("httpPort") + " must be a port from 0 to " + MAX_PORT
          + ", not " + json.getInteger("httpPort"));
    }
    return new OpenFloorConfig(
        json.getString("httpHost"),
        json.getInteger("httpPort"),
        json.getString("publicUrl"),
        Path.of(json.getString("dataDir")),
        logKind(json.getString("log")),
        json.getString("redisUrl"),
        json.getString("redisKeyPrefix"),
        json.getInteger("redisWaitReplicas"),
        json.getLong("redisWaitTimeoutMs"),
        Arrays.stream(json.getString("allowedOrigins").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
        json.getString("sessionCreationToken"),
        json.getInteger("maxBodyBytes"),
        json.getInteger("maxFrameBytes"),
        json.getInteger("maxHandlersPerSocket"),
        json.getInteger("maxRefusalsPerSocket", DEFAULT_MAX_REFUSALS_PER_SOCKET),
        json.getLong("coalesceMillis"),
        json.getInteger("recentEvents"),
        json.getInteger("rememberedRequests"),
        json.getLong("answerTimeoutMillis"),
        json.getLong("snapshotEvery", LiveOptions.DEFAULT_SNAPSHOT_EVERY),
        json.getBoolean("trimAfterSnapshot", true),
        json.getInteger("rateCommandsPerSecond"),
        json.getInteger("rateBurst"),
        json.getInteger("joinsPerIpPerMinute"),
        commaSeparated(json.getString("blockedWords")),
        json.getString("screenFrameAncestors"),
        json.getInteger("retentionDays"),
        transport(json.getString("transport", "epoll")));
  }

  private static OpenFloorConfig.LogKind logKind(String value) {
    for (OpenFloorConfig.LogKind kind : OpenFloorConfig.LogKind.values()) {
      if (kind.name().equalsIgnoreCase(value.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(environmentName("log") + " must be sqlite or redis, not '" + value + "'");
  }

  /** Keys whose value must be a whole number of {@code least} or more (0 only where 0 has a meaning). */
  private static void atLeast(long least, JsonObject json, String... keys) {
    for (String key : keys) {
      Object value = json.getValue(key);
      if (value != null && (!(value instanceof Number number) || number.longValue() < least)) {
        throw new IllegalArgumentException(environmentName(key) + " must be a whole number of " + least
            + " or more, not '" + value + "'");
      }
    }
  }

  private static String transport(String value) {
    String name = value.trim().toLowerCase(Locale.ROOT);
    if (!java.util.List.of("nio", "epoll", "io_uring").contains(name)) {
      throw new IllegalArgumentException(environmentName("transport") + " must be nio, epoll or io_uring, not '"
          + value + "'");
    }
    return name;
  }

  private static java.util.List<String> commaSeparated(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
