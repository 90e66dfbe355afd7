package org.openfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Blocked words")
class BlockedWordsTest {
  private final BlockedWords words = BlockedWords.of(List.of("Darn", "crème brûlée", "ass"));

  @Test
  @DisplayName("match whatever the case and accents")
  void caseAndAccentInsensitive() {
    assertThat(words.matches("Oh DARN it")).isTrue();
    assertThat(words.matches("oh dárn")).isTrue();
    assertThat(words.matches("Oh da\u0301rn")).isTrue();
    assertThat(words.matches("CREME BRULEE again?")).isTrue();
    assertThat(words.matches("crème, brûlée")).isTrue();
  }

  @Test
  @DisplayName("match whole words only")
  void wordBoundaries() {
    assertThat(words.matches("A classic assessment")).isFalse();
    assertThat(words.matches("darning socks")).isFalse();
    assertThat(words.matches("what an ass!")).isTrue();
    assertThat(words.matches("(ass)")).isTrue();
  }

  @Test
  @DisplayName("an empty list matches nothing and blank words are ignored")
  void emptyList() {
    assertThat(BlockedWords.NONE.matches("anything")).isFalse();
    assertThat(BlockedWords.of(List.of(" ", "")).matches("anything at all")).isFalse();
  }

  @Test
  @DisplayName("a session's list is bounded in size and length")
  void bounded() {
    assertThat(BlockedWords.problem(List.of("fine"))).isEmpty();
    assertThat(BlockedWords.problem(List.of("x".repeat(Limits.BLOCKED_WORD + 1)))).isPresent();
    assertThat(BlockedWords.problem(java.util.Collections.nCopies(Limits.BLOCKED_WORDS + 1, "w"))).isPresent();
  }
}
