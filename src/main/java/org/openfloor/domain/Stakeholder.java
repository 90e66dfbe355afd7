package org.openfloor.domain;

import java.util.Optional;

/** The stakeholder group a participant says they belong to. */
public enum Stakeholder {
  GOVERNMENT,
  CIVIL_SOCIETY,
  PRIVATE_SECTOR,
  TECHNICAL_COMMUNITY,
  ACADEMIA,
  INTERGOVERNMENTAL,
  OTHER;

  public String wire() {
    return WireNames.of(this);
  }

  public static Optional<Stakeholder> fromWire(String value) {
    return WireNames.parse(Stakeholder.class, value);
  }
}
