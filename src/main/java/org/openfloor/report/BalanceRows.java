package org.openfloor.report;

import java.util.ArrayList;
import java.util.List;

import org.openfloor.domain.Balance;
import org.openfloor.domain.Stakeholder;

/** The lines of the balance table: each stakeholder group that spoke, then those who gave none. */
final class BalanceRows {
  private BalanceRows() {
  }

  /** A stakeholder group's key ({@code stakeholder.<wire>}) with its tally. */
  record Row(String key, Balance.Tally tally) {
  }

  static List<Row> of(Balance balance) {
    List<Row> rows = new ArrayList<>();
    for (Stakeholder stakeholder : Stakeholder.values()) {
      Balance.Tally tally = balance.byStakeholder().get(stakeholder);
      if (tally.turns() > 0) {
        rows.add(new Row("stakeholder." + stakeholder.wire(), tally));
      }
    }
    if (balance.unspecified().turns() > 0) {
      rows.add(new Row("stakeholder.unspecified", balance.unspecified()));
    }
    return rows;
  }
}
