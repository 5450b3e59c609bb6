package dev.keygate.application.fake;

import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.key.ApiKeyStatus;
import java.util.Optional;

/** Listings the tests ask for often, written with the query records' own constructors. */
public final class TestQueries {

  private TestQueries() {}

  /** Every audit event, a page at a time. */
  public static AuditQuery allEvents(PageRequest page) {
    return new AuditQuery(Optional.empty(), Optional.empty(), page);
  }

  /** The audit events of the object with id {@code target}, such as one API key. */
  public static AuditQuery eventsOf(String target, PageRequest page) {
    return new AuditQuery(Optional.of(target), Optional.empty(), page);
  }

  /** Every key in {@code status}. */
  public static ApiKeyFilter keysIn(ApiKeyStatus status) {
    return new ApiKeyFilter(
        Optional.empty(), Optional.empty(), Optional.of(status), Optional.empty());
  }
}
