package archfixture.good.adapter.persistence;

import archfixture.good.application.port.out.Repository;
import archfixture.good.domain.Value;

/** Another adapter, unaware of the first: it implements an outgoing port. */
public class Store implements Repository {
  Value value;
}
