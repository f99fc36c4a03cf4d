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

  List<Leaderboard.Row> rows(
      long phaseId,
      Board board,
      long revision,
      String primaryKey,
      boolean ascending,
      Supplier<List<Leaderboard.Row>> rank) {
    Key key = new Key(phaseId, board);
    Kept known = kept.get(key);
    if (known != null
        && known.revision() == revision
        && known.primaryKey().equals(primaryKey)
        && known.ascending() == ascending) {
      return known.rows();
    }
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
