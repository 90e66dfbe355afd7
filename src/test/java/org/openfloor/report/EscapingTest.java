package org.openfloor.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Escaping user text for the report formats")
class EscapingTest {

  @Test
  @DisplayName("HTML: the five markup characters become entities, everything else is kept")
  void html() {
    assertThat(Escaping.html("<script>alert(\"x\")</script> & 'y' · ü 中"))
        .isEqualTo("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; · ü 中");
    assertThat(Escaping.html("&lt;")).isEqualTo("&amp;lt;");
    assertThat(Escaping.html(null)).isEmpty();
  }

  @Test
  @DisplayName("CSV: fields with commas, quotes or line breaks are quoted with inner quotes doubled")
  void csv() {
    assertThat(Escaping.csv("plain")).isEqualTo("plain");
    assertThat(Escaping.csv("a, b")).isEqualTo("\"a, b\"");
    assertThat(Escaping.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Escaping.csv("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  @DisplayName("CSV: a cell a spreadsheet would run as a formula is kept as text")
  void csvFormula() {
    assertThat(Escaping.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(Escaping.csv("@cmd")).isEqualTo("'@cmd");
  }

  @Test
  @DisplayName("Markdown: markup characters are backslash-escaped and line breaks flattened")
  void markdown() {
    assertThat(Escaping.markdown("<b>*bold*</b> [x](y) # no heading\nnext"))
        .isEqualTo("\\<b\\>\\*bold\\*\\</b\\> \\[x\\](y) \\# no heading next");
    assertThat(Escaping.markdown("- not a list")).isEqualTo("\\- not a list");
    assertThat(Escaping.markdown("1. not a list")).isEqualTo("1\\. not a list");
  }
}
