package dev.keygate.application.port.in;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The scopes of Keygate's own management API, one for each kind of management call. */
public enum ManagementScope {
  READ_API_KEYS("read:api_keys"),
  CREATE_API_KEYS("create:api_keys"),
  UPDATE_API_KEYS("update:api_keys"),
  DELETE_API_KEYS("delete:api_keys"),
  VERIFY_API_KEYS("verify:api_keys"),
  READ_APIS("read:apis"),
  CREATE_APIS("create:apis"),
  DELETE_APIS("delete:apis"),
  READ_API_SCOPES("read:api_scopes"),
  CREATE_API_SCOPES("create:api_scopes"),
  UPDATE_API_SCOPES("update:api_scopes"),
  DELETE_API_SCOPES("delete:api_scopes"),
  READ_ORGANIZATIONS("read:organizations"),
  CREATE_ORGANIZATIONS("create:organizations"),
  UPDATE_ORGANIZATIONS("update:organizations"),
  DELETE_ORGANIZATIONS("delete:organizations"),
  READ_USERS("read:users"),
  CREATE_USERS("create:users"),
  UPDATE_USERS("update:users"),
  DELETE_USERS("delete:users"),
  READ_AUDIT_EVENTS("read:audit_events"),
  CREATE_PORTAL_LINKS("create:portal_links"),
  READ_GRANTS("read:grants"),
  UPDATE_GRANTS("update:grants"),
  READ_APPLICATIONS("read:applications"),
  CREATE_APPLICATIONS("create:applications"),
  UPDATE_APPLICATIONS("update:applications"),
  DELETE_APPLICATIONS("delete:applications"),
  READ_WEBHOOKS("read:webhooks"),
  CREATE_WEBHOOKS("create:webhooks"),
  UPDATE_WEBHOOKS("update:webhooks"),
  DELETE_WEBHOOKS("delete:webhooks");

  private final String key;

  ManagementScope(String key) {
    this.key = key;
  }

  /** The scope key as granted to management keys, such as {@code read:api_keys}. */
  public String key() {
    return key;
  }

  /** What the scope allows, as the management API's scope descriptions say it. */
  public String description() {
    String[] parts = key.split(":");
    return "May " + parts[0] + " " + parts[1].replace('_', ' ');
  }

  /** The management scope with {@code key}, if it is one. */
  public static Optional<ManagementScope> fromKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** Looked up on every management call, so a map rather than a walk over a copy of values(). */
  private static final Map<String, ManagementScope> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(scope -> scope.key, s -> s));
}
