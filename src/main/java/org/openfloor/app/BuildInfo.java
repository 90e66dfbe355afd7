package org.openfloor.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and the git commit this jar was built from ({@code openfloor-build.properties}, filled in by Maven). */
public record BuildInfo(String version, String commit) {
  private static final String RESOURCE = "/openfloor-build.properties";
  private static final BuildInfo CURRENT = read();

  public static BuildInfo current() {
    return CURRENT;
  }

  private static BuildInfo read() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return new BuildInfo("unknown", "unknown");
    }
    String commit = filled(properties.getProperty("commit"));
    boolean dirty = Boolean.parseBoolean(properties.getProperty("dirty"));
    return new BuildInfo(filled(properties.getProperty("version")),
        dirty && !commit.equals("unknown") ? commit + "-dirty" : commit);
  }

  /** A value Maven did not fill in (run from an IDE without the build) reads as {@code unknown}. */
  private static String filled(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }
}
