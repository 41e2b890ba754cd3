package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewTest {

    @Test
    void aSixMonthReviewOfAMonthDueDateFallsAtTheEndOfTheMonthSixMonthsLater() {
        assertThat(Review.from(ReviewCadence.SIX_MONTHLY, null, DueDate.parse("February 2027")).nextReview())
                .isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(Review.from(ReviewCadence.QUARTERLY, null, DueDate.parse("Jun 23")).nextReview())
                .isEqualTo(LocalDate.of(2023, 9, 30));
    }

    @Test
    void aReviewOfADayDueDateFallsOnTheSameDayOfTheMonth() {
        assertThat(Review.from(ReviewCadence.QUARTERLY, null, DueDate.parse("2027-01-15")).nextReview())
                .isEqualTo(LocalDate.of(2027, 4, 15));
    }

    @Test
    void aReviewDateGivenIsKeptAndNoCadenceNorDateMeansNoReview() {
        assertThat(Review.from(ReviewCadence.ANNUAL, LocalDate.of(2027, 5, 1), DueDate.parse("Jun 27")).nextReview())
                .isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(Review.from(null, null, DueDate.parse("Jun 27"))).isNull();
    }
}
