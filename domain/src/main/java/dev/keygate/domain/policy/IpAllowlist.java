package dev.keygate.domain.policy;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The networks a key may be used from; an empty list leaves the key usable from anywhere. A key
 * with ranges is refused when the caller's address is not known.
 */
public record IpAllowlist(List<IpRange> ranges) {

  public static final int MAX_RANGES = 100;

  /** No restriction. */
  public static final IpAllowlist ANYWHERE = new IpAllowlist(List.of());

  public IpAllowlist {
    ranges = List.copyOf(new LinkedHashSet<>(Checks.required("ip allowlist", ranges)));
    if (ranges.size() > MAX_RANGES) {
      throw new ValidationException(
          "an ip allowlist holds at most " + MAX_RANGES + " ranges, was " + ranges.size());
    }
  }

  /** The ranges {@code texts} name, in CIDR notation. */
  public static IpAllowlist parse(List<String> texts) {
    List<IpRange> ranges = new ArrayList<>();
    for (String text : Checks.required("ip allowlist", texts)) {
      ranges.add(IpRange.parse(text));
    }
    return new IpAllowlist(ranges);
  }

  public boolean isRestricted() {
    return !ranges.isEmpty();
  }

  /** Whether a key may be used from {@code address}: any when unrestricted, else one in a range. */
  public boolean allows(Optional<String> address) {
    if (ranges.isEmpty()) {
      return true;
    }
    Optional<byte[]> bytes = address.flatMap(IpRange::address);
    if (bytes.isEmpty()) {
      return false;
    }
    for (IpRange range : ranges) {
      if (range.contains(bytes.get())) {
        return true;
      }
    }
    return false;
  }

  /** Whether this list allows no address {@code other} refuses. */
  public boolean isWithin(IpAllowlist other) {
    if (!other.isRestricted()) {
      return true;
    }
    if (!isRestricted()) {
      return false;
    }
    for (IpRange range : ranges) {
      if (other.ranges.stream().noneMatch(wider -> wider.contains(range))) {
        return false;
      }
    }
    return true;
  }

  /** The ranges in CIDR notation. */
  public List<String> texts() {
    return ranges.stream().map(IpRange::toString).toList();
  }
}
