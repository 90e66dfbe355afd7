package org.openfloor.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("UI message files")
class MessageFilesTest {
  private static final Path MESSAGES = Path.of("webroot", "i18n");
  private static final List<String> UN_LANGUAGES = List.of("ar", "en", "es", "fr", "ru", "zh");

  @Test
  @DisplayName("there is one file for each of the six UN languages")
  void oneFilePerLanguage() throws IOException {
    try (Stream<Path> files = Files.list(MESSAGES)) {
      assertThat(files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList())
          .containsExactlyElementsOf(UN_LANGUAGES);
    }
  }

  @Test
  @DisplayName("every language has every English key, no other key, and an 'other' form for each plural")
  void everyLanguageHasEveryKey() throws IOException {
    JsonObject english = read("en");
    for (String language : UN_LANGUAGES) {
      JsonObject messages = read(language);
      assertThat(messages.fieldNames()).as(language).containsExactlyInAnyOrderElementsOf(english.fieldNames());
      for (String key : messages.fieldNames()) {
        Object value = messages.getValue(key);
        assertThat(value).as("%s %s", language, key).isInstanceOfAny(String.class, JsonObject.class);
        if (value instanceof JsonObject plural) {
          assertThat(plural.getString("other")).as("%s %s.other", language, key).isNotBlank();
        } else {
          assertThat((String) value).as("%s %s", language, key).isNotBlank();
        }
      }
    }
  }

  private static JsonObject read(String language) throws IOException {
    return new JsonObject(Files.readString(MESSAGES.resolve(language + ".json")));
  }
}
