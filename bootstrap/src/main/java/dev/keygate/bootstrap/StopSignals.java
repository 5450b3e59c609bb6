package dev.keygate.bootstrap;

/** How the process tells a running server to stop. */
interface StopSignals {

  /** Has {@code stop} called when the process is asked to stop; it may be called more than once. */
  void onStop(Runnable stop);
}
