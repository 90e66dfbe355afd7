package org.openfloor.app;

import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.util.Map;

/** What {@code java -jar openfloor.jar --help} prints: every configuration key, its variable and its default. */
final class Help {
  private Help() {
  }

  static void print(PrintStream out, Map<String, String> env) {
    BuildInfo build = BuildInfo.current();
    out.println("OpenFloor " + build.version() + " (" + build.commit() + ")");
    out.println();
    out.println("Usage: java -jar openfloor.jar [--help | --version]");
    out.println();
    out.println("Settings come from config/openfloor.json in the working directory (or the file named by");
    out.println("OPENFLOOR_CONFIG; the jar carries the defaults), each overridden by its environment variable:");
    out.println();
    JsonObject defaults = ConfigLoader.defaults(env);
    int width = defaults.fieldNames().stream().mapToInt(k -> ConfigLoader.environmentName(k).length()).max()
        .orElse(0);
    for (String key : defaults.fieldNames()) {
      String variable = ConfigLoader.environmentName(key);
      Object value = defaults.getValue(key);
      String shown = value == null || value.toString().isEmpty() ? "(empty)" : value.toString();
      out.printf("  %-" + width + "s  %-22s default %s%n", variable, key, shown);
      out.printf("  %-" + width + "s  %s%n", "", ConfigKeys.MEANINGS.getOrDefault(key, ""));
    }
    out.println();
    out.println("A bad value stops the server with one line naming the variable and a non-zero exit status.");
  }
}
