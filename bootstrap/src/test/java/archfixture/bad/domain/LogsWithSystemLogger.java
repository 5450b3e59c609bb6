package archfixture.bad.domain;

/** Bad: the domain must not log, through the JDK's System.Logger either. */
public class LogsWithSystemLogger {
  System.Logger log = System.getLogger("domain");
}
