package org.openfloor.report;

import java.util.ArrayList;
import java.util.List;

/** A strict reader of RFC 4180 CSV for tests: quoted fields, doubled quotes, CRLF records. */
final class Rfc4180 {
  private Rfc4180() {
  }

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else if (c == '"' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException("bare " + c + " at " + i);
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
      throw new IllegalArgumentException("last record not ended by CRLF");
    }
    return rows;
  }
}
