package archfixture.good.adapter.persistence;

import archfixture.good.domain.Value;

/** Another adapter, unaware of the first. */
public class Store {
  Value value;
}
