package org.podium.leaderboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * This node's copy of recently asked rankings, each kept while its phase's revision (counted by the
 * database, see {@link RankingQuery#revision}) stays the same: a request costs one primary-key read
 * unless the ranking changed, on whichever node it changed.
 */
@ApplicationScoped
public class RankedPhases {

  /** Phases kept at once; a ranking of 2,000 participants is a few hundred kilobytes. */
  static final int PHASES_KEPT = 64;

  private record Kept(
      long revision, String primaryKey, boolean ascending, List<Leaderboard.Row> rows) {}

  /** A phase's public and private rankings are kept apart. */
  private record Key(long phaseId, Board board) {}

  private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

  /** What a phase's ranking is made under, one at a time. */
  private final Map<Key, Object> ranking = new ConcurrentHashMap<>();

  List<Leaderboard.Row> rows(
      long phaseId,
      Board board,
      long revision,
      String primaryKey,
      boolean ascending,
      Supplier<List<Leaderboard.Row>> rank) {
    Key key = new Key(phaseId, board);
    List<Leaderboard.Row> known = fresh(key, revision, primaryKey, ascending);
    if (known != null) {
      return known;
    }
    // One request ranks a phase after a change; the others asking for it meanwhile wait and take
    // its rows (a burst of readers right after a submission finishes costs one ranking, not many).
    synchronized (ranking.computeIfAbsent(key, k -> new Object())) {
      known = fresh(key, revision, primaryKey, ascending);
      return known != null ? known : rank(key, revision, primaryKey, ascending, rank);
    }
  }

  /**
   * The kept rows when they are at least as new as the revision the caller read (rows ranked after
   * a later revision was read are newer still), for the same primary column; null otherwise.
   */
  private List<Leaderboard.Row> fresh(
      Key key, long revision, String primaryKey, boolean ascending) {
    Kept known = kept.get(key);
    return known != null
            && known.revision() >= revision
            && known.primaryKey().equals(primaryKey)
            && known.ascending() == ascending
        ? known.rows()
        : null;
  }

  private List<Leaderboard.Row> rank(
      Key key,
      long revision,
      String primaryKey,
      boolean ascending,
      Supplier<List<Leaderboard.Row>> rank) {
    List<Leaderboard.Row> rows = rank.get();
    if (kept.size() >= PHASES_KEPT) {
      // Any one goes: a phase asked again is ranked again, once.
      Iterator<Key> any = kept.keySet().iterator();
      if (any.hasNext()) {
        kept.remove(any.next());
      }
    }
    kept.put(key, new Kept(revision, primaryKey, ascending, rows));
    return rows;
  }
}
