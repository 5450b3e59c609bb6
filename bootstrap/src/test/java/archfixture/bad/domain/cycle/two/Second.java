package archfixture.bad.domain.cycle.two;

import archfixture.bad.domain.cycle.one.First;

/** Bad: the other half of a package cycle. */
public class Second {
  First first;
}
