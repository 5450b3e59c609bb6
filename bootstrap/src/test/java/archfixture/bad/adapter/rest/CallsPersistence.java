package archfixture.bad.adapter.rest;

import archfixture.bad.adapter.persistence.Repository;

/** Bad: adapters must not depend on each other. */
public class CallsPersistence {
  Repository repository;
}
