package org.openfloor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** The report's fixed headings in one of six languages, from {@code report/headings_<lang>.properties}. */
public final class Headings {
  public static final List<String> LANGUAGES = List.of("en", "fr", "es", "ar", "zh", "ru");
  public static final String DEFAULT_LANGUAGE = "en";
  private static final Map<String, Headings> LOADED = new ConcurrentHashMap<>();

  private final String language;
  private final Properties texts;
  private final Properties fallback;

  private Headings(String language, Properties texts, Properties fallback) {
    this.language = language;
    this.texts = texts;
    this.fallback = fallback;
  }

  /** The headings of {@code language}, or English for a language the report does not speak. */
  public static Headings of(String language) {
    String chosen = language != null && LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
    return LOADED.computeIfAbsent(chosen, lang -> new Headings(lang, load(lang), load(DEFAULT_LANGUAGE)));
  }

  public String language() {
    return language;
  }

  public boolean rightToLeft() {
    return "ar".equals(language);
  }

  public String get(String key) {
    return texts.getProperty(key, fallback.getProperty(key, key));
  }

  /** The heading with {@code {0}} replaced by {@code value}. */
  public String get(String key, String value) {
    return get(key).replace("{0}", value);
  }

  /** The keys this language defines. */
  public java.util.Set<String> keys() {
    return texts.stringPropertyNames();
  }

  static Properties load(String language) {
    String resource = "/report/headings_" + language + ".properties";
    try (InputStream in = Headings.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
