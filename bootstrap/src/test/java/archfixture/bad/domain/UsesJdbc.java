package archfixture.bad.domain;

import java.sql.Connection;

/** Bad: the domain must not touch a database. */
public class UsesJdbc {
  Connection connection;
}
