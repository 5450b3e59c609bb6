package archfixture.bad.application;

import archfixture.bad.adapter.persistence.Repository;

/** Bad: the application must not know an adapter. */
public class UsesAdapter {
  Repository repository;
}
