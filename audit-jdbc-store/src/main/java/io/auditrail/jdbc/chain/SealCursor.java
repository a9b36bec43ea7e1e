package io.auditrail.jdbc.chain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one sealer partition stands in the audit table, so that a pass reads only the rows
 * after the last one it examined, with the primary key, instead of looking for unsealed rows
 * among all sealed ones. Sequence values are taken at INSERT but become visible at COMMIT, so
 * a value the scan stepped over may still appear: such gaps, and the rows of organisations a
 * pass could not seal, are re-read by value for {@link #RETRY_NANOS}; a full sweep every
 * {@link #SWEEP_NANOS} finds what stayed invisible longer. Not thread-safe: one per partition,
 * used by the one thread sealing it.
 *
 * <p>Sequence values are assumed to be 0 or more (identities start at 1, HSQLDB's at 0); a row
 * with an explicit negative value is found by the sweeps.
 */
final class SealCursor {

    /**
     * How long a skipped sequence value or an unsealed row is re-read by value: as long as the
     * default {@code unsealed-grace-period}, so that a transaction that commits within it is
     * sealed before verification reports its rows.
     */
    static final long RETRY_NANOS = 600_000_000_000L;

    /** How often a pass looks at the whole table (and the first pass always does). */
    static final long SWEEP_NANOS = 600_000_000_000L;

    /**
     * How far below the last row a complete sweep sealed the scan goes on: rows that committed
     * late during the sweep are found as gaps there.
     */
    static final long LOOK_BACK = 10_000;

    /** A gap wider than this is no transaction in flight but a jump (an explicit seq): the sweep covers it. */
    static final long WIDEST_GAP = 10_000;

    /** At most this many sequence values are remembered for re-reading; the oldest go to the sweep. */
    static final int MOST_RETRIES = 100_000;

    /** At most this many ranges of them are read in one pass. */
    static final int MOST_RANGES = 100;

    /** A range of sequence values, both ends included. */
    record Range(long from, long to) {
    }

    private final TreeMap<Long, Long> retries = new TreeMap<>();
    private long position;
    private boolean positioned;
    private long sweepFrom = Long.MIN_VALUE;
    private boolean sweeping;
    private boolean swept;
    private long lastSweep;
    private long moves;

    boolean positioned() {
        return positioned;
    }

    /** The first position: a little below the newest sealed row, since the first pass sweeps anyway. */
    void position(long seq) {
        position = seq;
        positioned = true;
    }

    long position() {
        return position;
    }

    /** Whether this pass sweeps: the first, one every {@link #SWEEP_NANOS}, and until a sweep reached the end. */
    boolean sweepDue(long now, boolean forced) {
        if (forced && !sweeping) {
            sweeping = true;
            sweepFrom = Long.MIN_VALUE;
        }
        if (!sweeping && (!swept || now - lastSweep >= SWEEP_NANOS)) {
            sweeping = true;
            sweepFrom = Long.MIN_VALUE;
        }
        return sweeping;
    }

    long sweepFrom() {
        return sweepFrom;
    }

    /**
     * A sweep pass read unsealed rows up to {@code lastSeq}; {@code complete} when it reached the
     * table's end. The scan then goes on after the rows the sweep sealed, not through them again.
     */
    void swept(long lastSeq, boolean complete, long now) {
        if (lastSeq != sweepFrom) {
            moves++;
        }
        sweepFrom = lastSeq;
        if (complete) {
            sweeping = false;
            swept = true;
            lastSweep = now;
            if (lastSeq > Long.MIN_VALUE + LOOK_BACK) {
                position = Math.max(position, lastSeq - LOOK_BACK);
            }
        }
    }

    /** Changes whenever the scan or a sweep moved on: a pass that read rows but sealed none still made progress. */
    long moves() {
        return moves;
    }

    /** The scan examined the rows {@code seqs} (ascending) after the position: it moves past them. */
    void scanned(List<Long> seqs, long now) {
        long previous = position;
        for (long seq : seqs) {
            long gap = seq - previous - 1;
            if (gap > 0 && gap <= WIDEST_GAP && previous != Long.MIN_VALUE) {
                for (long missing = previous + 1; missing < seq; missing++) {
                    retries.put(missing, now + RETRY_NANOS);
                }
            }
            previous = seq;
        }
        if (previous > position) {
            position = previous;
            moves++;
        }
        trim();
    }

    /** A row that was read but not sealed (its organisation failed this pass): read it again. */
    void retry(long seq, long now) {
        retries.put(seq, now + RETRY_NANOS);
        trim();
    }

    /** A row the retry read returned: it is no gap any more (it is retried again if its sealing fails). */
    void found(long seq) {
        retries.remove(seq);
    }

    /** The remembered values as ranges of consecutive values, dropping the expired ones, the lowest first. */
    List<Range> retryRanges(long now) {
        List<Range> ranges = new ArrayList<>();
        Iterator<Map.Entry<Long, Long>> entries = retries.entrySet().iterator();
        long from = 0;
        long to = 0;
        boolean open = false;
        while (entries.hasNext()) {
            Map.Entry<Long, Long> entry = entries.next();
            if (entry.getValue() - now < 0) {
                entries.remove();
                continue;
            }
            long seq = entry.getKey();
            if (open && seq == to + 1) {
                to = seq;
                continue;
            }
            if (open) {
                ranges.add(new Range(from, to));
                if (ranges.size() == MOST_RANGES) {
                    return ranges;
                }
            }
            from = seq;
            to = seq;
            open = true;
        }
        if (open) {
            ranges.add(new Range(from, to));
        }
        return ranges;
    }

    private void trim() {
        while (retries.size() > MOST_RETRIES) {
            retries.pollFirstEntry();
        }
    }
}
