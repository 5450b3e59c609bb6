package dev.keygate.application.port.in;

/**
 * Removes the keys of portal links that have expired, which no one can use again: a node runs it on
 * a schedule of its own. Their audit events stay.
 */
public interface SweepPortalLinksUseCase {

  /**
   * @return how many portal links' keys were removed
   */
  int sweep();
}
