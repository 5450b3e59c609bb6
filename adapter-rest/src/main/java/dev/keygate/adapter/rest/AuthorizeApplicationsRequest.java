package dev.keygate.adapter.rest;

import java.util.List;

/** {@code PATCH /api/v1/apis/{api_id}/applications}, as Kinde takes it. */
record AuthorizeApplicationsRequest(@Required List<Change> applications) {

  /**
   * @param id the application's client id
   * @param operation {@code delete} to withdraw the authorization; left out to grant it
   */
  record Change(@Required String id, String operation) {}
}
