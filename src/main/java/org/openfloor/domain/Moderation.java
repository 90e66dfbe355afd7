package org.openfloor.domain;

import java.util.Optional;

/** Whether new questions are visible at once ({@code post}) or only after approval ({@code pre}). */
public enum Moderation {
  POST, PRE;

  public String wire() {
    return WireNames.of(this);
  }

  public static Optional<Moderation> fromWire(String value) {
    return WireNames.parse(Moderation.class, value);
  }
}
