package org.openfloor.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Words and phrases that send a question to moderation instead of publishing it. Matching ignores
 * case and accents (NFD, combining marks removed, lower case) and respects word boundaries, so
 * "Ass" blocks "ASS" and "àss" but not "class".
 */
public final class BlockedWords {
  public static final BlockedWords NONE = new BlockedWords(List.of());

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final List<String> words;
  private final List<String> keys;

  private BlockedWords(List<String> words) {
    this.words = List.copyOf(words);
    this.keys = this.words.stream().map(BlockedWords::key).filter(k -> !k.isBlank()).distinct().toList();
  }

  public static BlockedWords of(List<String> words) {
    return words.isEmpty() ? NONE : new BlockedWords(words.stream().map(String::strip).filter(w -> !w.isEmpty()).toList());
  }

  /** The words as given (for the moderator's view). */
  public List<String> words() {
    return words;
  }

  /** Whether {@code text} contains one of the words or phrases, as whole words. */
  public boolean matches(String text) {
    if (keys.isEmpty()) {
      return false;
    }
    String padded = " " + key(text) + " ";
    return keys.stream().anyMatch(k -> padded.contains(" " + k + " "));
  }

  /** Why {@code words} cannot be a session's list, if they cannot. */
  public static Optional<Rejection> problem(List<String> words) {
    if (words.size() > Limits.BLOCKED_WORDS) {
      return Optional.of(Rejection.badInput("at most " + Limits.BLOCKED_WORDS + " blocked words"));
    }
    return words.stream().map(w -> Texts.problem("blocked word", w, Limits.BLOCKED_WORD, false))
        .flatMap(Optional::stream).findFirst();
  }

  /** Lower case, accents removed, every run of non-letters and non-digits one space. */
  static String key(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String plain = COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    return NOT_WORD.matcher(plain).replaceAll(" ").strip();
  }
}
