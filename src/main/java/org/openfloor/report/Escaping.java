package org.openfloor.report;

/** Escaping of user text for each output format; no user text reaches a report unescaped. */
public final class Escaping {
  private Escaping() {
  }

  /** Text safe in HTML element content and in double- or single-quoted attribute values. */
  public static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** One RFC 4180 field: quoted when it holds a comma, quote or line break, inner quotes doubled. */
  public static String csv(String text) {
    if (text == null) {
      return "";
    }
    String guarded = startsLikeFormula(text) ? "'" + text : text;
    boolean quote = guarded.indexOf(',') >= 0 || guarded.indexOf('"') >= 0 || guarded.indexOf('\n') >= 0
        || guarded.indexOf('\r') >= 0;
    return quote ? '"' + guarded.replace("\"", "\"\"") + '"' : guarded;
  }

  /** Text that Markdown shows as written: markup characters backslash-escaped, lines kept in one paragraph. */
  public static String markdown(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    String flat = text.replace('\n', ' ');
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      if ("\\`*_{}[]<>#|~&".indexOf(c) >= 0 || (i == 0 && "-+=".indexOf(c) >= 0) || endsListNumber(flat, i)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean endsListNumber(String text, int index) {
    char c = text.charAt(index);
    return (c == '.' || c == ')') && index > 0 && text.substring(0, index).chars().allMatch(Character::isDigit);
  }

  /** Spreadsheets run cells that start with these as formulas; a leading apostrophe keeps them text. */
  private static boolean startsLikeFormula(String text) {
    return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
  }
}
