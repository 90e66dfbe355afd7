package org.openfloor.domain;

import java.text.Normalizer;
import java.util.Locale;

/** How word-cloud entries are grouped: NFKC-normalised, white space collapsed, case folded. */
final class WordKeys {
  private WordKeys() {
  }

  /** The entry as displayed: NFKC-normalised, runs of white space made one space, trimmed. */
  static String tidy(String entry) {
    return Normalizer.normalize(entry, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
  }

  /** The key under which entries are counted together. */
  static String of(String entry) {
    return tidy(entry).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
