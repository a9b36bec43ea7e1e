package io.auditrail.jdbc.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sealer's position in the table: gaps it stepped over, values to read again, sweeps. */
class SealCursorTest {

    private final SealCursor cursor = new SealCursor();

    @Test
    void valuesTheScanSteppedOverAreReadAgainAsRangesUntilFound() {
        cursor.position(0);
        cursor.scanned(List.of(1L, 2L, 6L, 7L, 9L), 0);
        assertThat(cursor.position()).isEqualTo(9);
        assertThat(cursor.retryRanges(1)).containsExactly(new SealCursor.Range(3, 5), new SealCursor.Range(8, 8));
        cursor.found(4);
        cursor.found(8);
        assertThat(cursor.retryRanges(1)).containsExactly(new SealCursor.Range(3, 3), new SealCursor.Range(5, 5));
    }

    @Test
    void valuesAreReadAgainOnlyForAWhileAndAJumpIsLeftToTheSweep() {
        cursor.position(0);
        cursor.scanned(List.of(2L, 2L + SealCursor.WIDEST_GAP + 2), 0);
        assertThat(cursor.retryRanges(1)).as("the jump past WIDEST_GAP values is no gap")
                .containsExactly(new SealCursor.Range(1, 1));
        assertThat(cursor.retryRanges(SealCursor.RETRY_NANOS + 1)).isEmpty();
    }

    @Test
    void rowsThatWereNotSealedAreReadAgain() {
        cursor.position(10);
        cursor.retry(7, 0);
        cursor.retry(8, 0);
        assertThat(cursor.retryRanges(0)).containsExactly(new SealCursor.Range(7, 8));
    }

    @Test
    void theFirstPassSweepsAndACompleteSweepMovesTheScanToALittleBelowItsEnd() {
        cursor.position(0);
        assertThat(cursor.sweepDue(5, false)).isTrue();
        long moves = cursor.moves();
        cursor.swept(50_000, false, 5);
        assertThat(cursor.sweepDue(6, false)).as("until it reaches the end").isTrue();
        assertThat(cursor.sweepFrom()).isEqualTo(50_000);
        cursor.swept(60_000, true, 6);
        assertThat(cursor.moves()).isNotEqualTo(moves);
        assertThat(cursor.position()).isEqualTo(60_000 - SealCursor.LOOK_BACK);
        assertThat(cursor.sweepDue(7, false)).isFalse();
        assertThat(cursor.sweepDue(7, true)).as("a sweep asked for").isTrue();
        cursor.swept(Long.MIN_VALUE, true, 8);
        assertThat(cursor.position()).as("a sweep that found nothing leaves the scan where it is")
                .isEqualTo(60_000 - SealCursor.LOOK_BACK);
        assertThat(cursor.sweepDue(8 + SealCursor.SWEEP_NANOS, false)).isTrue();
    }
}
