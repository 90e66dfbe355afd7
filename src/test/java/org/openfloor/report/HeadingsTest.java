package org.openfloor.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The report's headings")
class HeadingsTest {

  @Test
  @DisplayName("exist in all six languages, each with every key of the English file")
  void everyLanguageHasEveryKey() {
    var english = Headings.of("en").keys();
    for (String language : Headings.LANGUAGES) {
      Headings headings = Headings.of(language);
      assertThat(headings.language()).isEqualTo(language);
      assertThat(headings.keys()).as(language).containsExactlyInAnyOrderElementsOf(english);
      headings.keys().forEach(key -> assertThat(headings.get(key)).as(language + " " + key).isNotBlank());
    }
  }

  @Test
  @DisplayName("fall back to English for a language the report does not speak, and mark Arabic right-to-left")
  void fallbackAndDirection() {
    assertThat(Headings.of("de").language()).isEqualTo("en");
    assertThat(Headings.of(null).get("keyMessages")).isEqualTo("Key messages");
    assertThat(Headings.of("ar").rightToLeft()).isTrue();
    assertThat(Headings.of("fr").get("status.reviewUntil", "2030-01-01")).contains("2030-01-01");
  }
}
