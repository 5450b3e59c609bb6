package archfixture.bad.adapter.rest;

import java.util.logging.Logger;

/** Bad: logging goes through SLF4J, never java.util.logging. */
public class LogsWithJul {
  private static final Logger LOG = Logger.getLogger("bad");

  void log() {
    LOG.info("hello");
  }
}
