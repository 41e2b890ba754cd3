package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DueDateTest {

    @ParameterizedTest(name = "\"{0}\" is due on {1} ({2})")
    @CsvSource({
            "Apr 22, 2022-04-30, MONTH",
            "Jun 22, 2022-06-30, MONTH",
            "Sept 22, 2022-09-30, MONTH",
            "Feb 24, 2024-02-29, MONTH",
            "June 2023, 2023-06-30, MONTH",
            "December 2024, 2024-12-31, MONTH",
            "2023-09, 2023-09-30, MONTH",
            "2023-09-15, 2023-09-15, DAY",
            "30 June 2022, 2022-06-30, DAY",
            "2023-Q2, 2023-06-30, QUARTER",
            "Q4 23, 2023-12-31, QUARTER",
            "2025, 2025-12-31, YEAR"
    })
    void plansDeadlinesAreDueOnTheLastDayTheyAllow(String written, LocalDate due, DatePrecision precision) {
        DueDate date = DueDate.parse(written);

        assertThat(date.date()).isEqualTo(due);
        assertThat(date.precision()).isEqualTo(precision);
        assertThat(date.text()).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-02-30", "31 April 2023", "Jux 22", "2023-13", "soon", "quarterly review"})
    void whatIsNotARealDateIsRefusedSayingSo(String written) {
        assertThatThrownBy(() -> DueDate.parse(written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(written);
    }

    @ParameterizedTest(name = "found {1} in \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Target date: June 2023 and 6-month review | 2023-06-30",
            "Target date: Commenced - Review date December 2023. | 2023-12-31",
            "Lead Professional: Carers Centre Manager Target date: June 2023 and quarterly review | 2023-06-30",
            "Target date: April 2024 | 2024-04-30"
    })
    void aDeadlineIsFoundInsideAPlansWording(String text, LocalDate due) {
        assertThat(DueDate.find(text)).map(DueDate::date).contains(due);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "June 2023 and 6-month review | SIX_MONTHLY",
            "June 2023 and quarterly review | QUARTERLY",
            "annual review | ANNUAL"
    })
    void aReviewCadenceIsFoundInAPlansWording(String text, ReviewCadence cadence) {
        assertThat(ReviewCadence.find(text)).contains(cadence);
    }
}
