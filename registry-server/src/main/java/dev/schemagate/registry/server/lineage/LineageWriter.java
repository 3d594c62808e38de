package dev.schemagate.registry.server.lineage;

import dev.schemagate.core.lineage.openlineage.RunEventLineage;
import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.SqlWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread with group commit: requests queue their parsed events and wait; the writer
 * takes everything queued (up to {@link #MAX_BATCH} events) and commits it in one transaction, then
 * completes each request's future. A request is answered only after its event is committed, so
 * nothing acknowledged is lost, and a burst of small events costs a few transactions, not one each.
 * Being the only writer also keeps change numbers in commit order within a replica.
 */
final class LineageWriter implements AutoCloseable {
  static final int MAX_BATCH = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(LineageWriter.class);

  /** Work for the writer thread. */
  sealed interface Task permits EventTask, TransactionTask {}

  record EventTask(RunEventLineage event, CompletableFuture<Boolean> fresh) implements Task {}

  record TransactionTask(SqlWork<?> work, CompletableFuture<Void> done) implements Task {}

  private final Database database;
  private final LineageStore store;
  private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>(100_000);
  private Thread thread; // guarded by this; null while idle
  private volatile boolean running = true;

  LineageWriter(Database database, LineageStore store) {
    this.database = database;
    this.store = store;
  }

  /** Completes with whether the event was new (false: a repeat of an event already stored). */
  CompletableFuture<Boolean> submit(RunEventLineage event) {
    CompletableFuture<Boolean> fresh = new CompletableFuture<>();
    offer(new EventTask(event, fresh), fresh);
    return fresh;
  }

  /** Runs other lineage writes on the writer thread, in order with the events. */
  CompletableFuture<Void> submit(SqlWork<?> work) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    offer(new TransactionTask(work, done), done);
    return done;
  }

  private void offer(Task task, CompletableFuture<?> future) {
    if (!running || !queue.offer(task)) {
      future.completeExceptionally(
          new IllegalStateException("the lineage writer is overloaded or stopping"));
      return;
    }
    synchronized (this) {
      if (thread == null) {
        thread = Thread.ofPlatform().name("lineage-writer").daemon(true).start(this::loop);
      }
    }
  }

  /** Runs while there is work; an idle writer stops, and the next task starts a new one. */
  private void loop() {
    List<Task> drained = new ArrayList<>();
    while (true) {
      try {
        Task first = queue.poll(2, TimeUnit.SECONDS);
        if (first == null) {
          synchronized (this) {
            if (queue.isEmpty()) {
              thread = null;
              return;
            }
          }
          continue;
        }
        drained.add(first);
        queue.drainTo(drained, MAX_BATCH - 1);
        writeInOrder(drained);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        drained.clear();
      }
    }
  }

  /** Consecutive events share one transaction; other work runs in its own. */
  private void writeInOrder(List<Task> tasks) {
    List<EventTask> events = new ArrayList<>();
    for (Task task : tasks) {
      switch (task) {
        case EventTask e -> events.add(e);
        case TransactionTask t -> {
          flush(events);
          try {
            database.inTransaction(t.work());
            t.done().complete(null);
          } catch (RuntimeException ex) {
            t.done().completeExceptionally(ex);
          }
        }
      }
    }
    flush(events);
  }

  private void flush(List<EventTask> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      Set<LineageStore.EventKey> fresh;
      try {
        fresh =
            database.inTransaction(
                c -> store.writeEvents(c, events.stream().map(EventTask::event).toList()));
        store.committed();
      } catch (RuntimeException ex) {
        store.rolledBack();
        throw ex;
      }
      // within one batch, only the first copy of a repeated event counts as new
      Set<LineageStore.EventKey> claimed = new java.util.HashSet<>();
      for (EventTask e : events) {
        LineageStore.EventKey key = LineageStore.EventKey.of(e.event());
        e.fresh().complete(fresh.contains(key) && claimed.add(key));
      }
    } catch (RuntimeException ex) {
      LOG.warn("writing {} lineage events failed: {}", events.size(), ex.getMessage());
      events.forEach(e -> e.fresh().completeExceptionally(ex));
    }
    events.clear();
  }

  @Override
  public void close() {
    running = false;
    Thread current;
    synchronized (this) {
      current = thread;
    }
    if (current != null) {
      try {
        current.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
