package archfixture.bad.domain.cycle.one;

import archfixture.bad.domain.cycle.two.Second;

/** Bad: half of a package cycle. */
public class First {
  Second second;
}
