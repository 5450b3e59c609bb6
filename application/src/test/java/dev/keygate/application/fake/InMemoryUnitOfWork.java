package dev.keygate.application.fake;

import dev.keygate.application.port.out.UnitOfWork;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link UnitOfWork} over the in-memory fakes: each fake notes, before it changes an entry, how to
 * put the entry back, and a unit that throws puts back what its own thread changed, newest first.
 * Changes made by other threads meanwhile stay, as another transaction's would.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

  private static final ThreadLocal<Deque<Runnable>> UNDO = new ThreadLocal<>();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (UNDO.get() != null) {
      return work.get();
    }
    Deque<Runnable> undo = new ArrayDeque<>();
    UNDO.set(undo);
    try {
      return work.get();
    } catch (RuntimeException | Error thrown) {
      undo.forEach(Runnable::run);
      throw thrown;
    } finally {
      UNDO.remove();
    }
  }

  /**
   * Notes, inside a unit, how to put back the entry of {@code key} in {@code map} as it is now.
   *
   * @param guard the fake's monitor, held while the entry is put back
   */
  static <K, V> void willChange(Object guard, Map<K, V> map, K key) {
    boolean held = map.containsKey(key);
    V before = map.get(key);
    willUndo(
        () -> {
          synchronized (guard) {
            if (held) {
              map.put(key, before);
            } else {
              map.remove(key);
            }
          }
        });
  }

  /** Notes, inside a unit, how to undo a change that is not one map entry. */
  static void willUndo(Runnable undo) {
    Deque<Runnable> current = UNDO.get();
    if (current != null) {
      current.push(undo);
    }
  }
}
