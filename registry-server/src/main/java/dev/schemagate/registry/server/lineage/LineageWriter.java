package dev.schemagate.registry.server.lineage;

import dev.schemagate.core.lineage.openlineage.RunEventLineage;
import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.storage.Database;
import dev.schemagate.registry.server.storage.SqlWork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread with group commit: requests queue their parsed events and wait; the writer
 * takes everything queued (up to {@link #MAX_BATCH} events) and writes it in one transaction, then
 * completes each request's future once it committed. A request is answered only after its event is
 * committed, so nothing acknowledged is lost, and a burst of small events costs a few transactions,
 * not one each.
 *
 * <p>Commits are pipelined: a batch's commit (its fsync) runs on the committer thread while the
 * writer already inserts the next batch on another connection, so the disk wait and PostgreSQL's
 * insert work overlap. At most one commit is in flight, and the committer commits in order, so
 * change numbers still become visible in the order they were taken within a replica.
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
  // commits in submission order: one thread, started with the writer and stopped with it
  private ExecutorService committer; // only the writer thread touches this
  private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
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
    committer =
        Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("lineage-committer").daemon(true).unstarted(r));
    try {
      while (true) {
        try {
          Task first = queue.poll(2, TimeUnit.SECONDS);
          if (first == null) {
            awaitCommit();
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
    } finally {
      awaitCommit();
      committer.shutdown();
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
          events = new ArrayList<>();
          awaitCommit(); // its change numbers come after the batch being committed
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

  /**
   * Inserts the batch on a connection of its own, then hands the commit to the committer once the
   * previous batch's commit finished (so one commit is in flight while the next batch inserts).
   */
  private void flush(List<EventTask> events) {
    if (events.isEmpty()) {
      return;
    }
    Database.OpenTransaction<LineageStore.Written> open;
    try {
      open =
          database.begin(c -> store.writeEvents(c, events.stream().map(EventTask::event).toList()));
    } catch (RuntimeException ex) {
      if (events.size() > 1 && refusedValue(ex)) {
        // one event's value PostgreSQL refuses (what the route's checks did not foresee) must not
        // fail the others that shared its batch: each goes alone, only the bad one fails
        LOG.debug(
            "a batch of {} lineage events held a refused value; writing them one by one",
            events.size());
        events.forEach(e -> flush(List.of(e)));
        return;
      }
      fail(events, ex);
      return;
    }
    awaitCommit();
    inFlight = CompletableFuture.runAsync(() -> commit(open, events), committer);
  }

  private void commit(Database.OpenTransaction<LineageStore.Written> open, List<EventTask> events) {
    try {
      open.commit();
    } catch (RuntimeException ex) {
      fail(events, ex);
      return;
    }
    LineageStore.Written written = open.result();
    store.committed(written);
    // within one batch, only the first copy of a repeated event counts as new
    Set<LineageStore.EventKey> claimed = new HashSet<>();
    for (EventTask e : events) {
      LineageStore.EventKey key = LineageStore.EventKey.of(e.event());
      e.fresh().complete(written.fresh().contains(key) && claimed.add(key));
    }
  }

  /** A data exception: the request's value, not the store, is at fault (see Database). */
  private static boolean refusedValue(RuntimeException ex) {
    return ex instanceof RegistryServerException known
        && known.reason() == RegistryServerException.Reason.MALFORMED_REQUEST;
  }

  private void awaitCommit() {
    inFlight.join(); // commit() completes normally: failures go to the requests' futures
  }

  private static void fail(List<EventTask> events, RuntimeException ex) {
    LOG.warn("writing {} lineage events failed: {}", events.size(), ex.getMessage());
    events.forEach(e -> e.fresh().completeExceptionally(ex));
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
