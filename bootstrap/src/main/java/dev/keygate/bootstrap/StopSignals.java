package dev.keygate.bootstrap;

/** How the process tells a running server to stop. */
interface StopSignals {

  /** Nothing but an explicit call stops the server: for servers run inside tests. */
  StopSignals NONE = stop -> {};

  /** Has {@code stop} called when the process is asked to stop; it may be called more than once. */
  void onStop(Runnable stop);
}
