package dev.keygate.domain.owner;

import dev.keygate.domain.TimeOrderedIds;

/**
 * The code of an organization: {@code org_} and 12 random hex digits when Keygate makes it, or the
 * host application's own code (1-64 of {@code [A-Za-z0-9_.:-]}) so owners can mirror its tenants.
 */
public record OrgCode(String value) {

  public OrgCode {
    OwnerIds.check("organization code", value);
  }

  /**
   * A fresh random code. Twelve hex digits leave no room for a 48-bit timestamp, so generated codes
   * are random rather than time-ordered; the repository refuses the rare duplicate.
   */
  public static OrgCode generate() {
    return new OrgCode("org_" + TimeOrderedIds.randomHex(12));
  }

  @Override
  public String toString() {
    return value;
  }
}
