package dev.keygate.application.port.in;

/**
 * Makes another root management key on an initialised deployment: a key of the operator
 * organization holding every management scope, as the one {@code init} prints, for an operator who
 * no longer has that one (it was shown once) or who wants one per person or tool.
 */
public interface CreateRootKeyUseCase {

  /** What a root key is called unless its maker names it. */
  String DEFAULT_NAME = "Root management key";

  /**
   * @param principal the operator's own tools (the local command line), which present no key: a
   *     root key is never made on the strength of another key
   * @param name what the key is for, 1-128 characters
   * @return the new key, shown this once
   */
  IssuedApiKey create(Principal principal, String name);
}
