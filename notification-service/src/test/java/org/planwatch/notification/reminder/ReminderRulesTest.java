package org.planwatch.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.planwatch.notification.actionview.ActionView;
import org.planwatch.notification.mail.MailKind;

class ReminderRulesTest {

    /** "Jun 22": a month-precision deadline, due at the end of June 2022. */
    static ActionView dueJune22(String rag, LocalDate nextReview) {
        return new ActionView("a1", 3, false, "p1", "Plan", "Owner", "owner@example.org", null, null, null, "1.1a",
                "Text", List.of(new ActionView.Recipient("Dana", "dana@example.org")), LocalDate.of(2022, 6, 30),
                "MONTH", "Jun 22", null, nextReview, rag, null, null, "Doncaster");
    }

    static ActionView importedOn(LocalDate firstSeen, LocalDate nextReview) {
        ActionView june = dueJune22("AMBER", nextReview);
        return new ActionView(june.id(), june.version(), false, june.planId(), june.planTitle(), june.ownerName(),
                june.ownerEmail(), null, null, null, june.reference(), june.text(), june.leads(), june.dueDate(),
                june.duePrecision(), june.dueText(), "SIX_MONTHLY", nextReview, june.rag(), null, firstSeen,
                june.partnership());
    }

    @Test
    void deadlinesThatHadPassedBeforePlanwatchHeardOfTheActionAreNotEmailed() {
        LocalDate imported = LocalDate.of(2026, 12, 1);

        assertThat(ReminderRules.due(importedOn(imported, LocalDate.of(2023, 12, 31)), imported.plusDays(7),
                ReminderPolicy.DEFAULT)).isEmpty();
        assertThat(ReminderRules.due(importedOn(imported, LocalDate.of(2026, 12, 10)), LocalDate.of(2026, 12, 9),
                ReminderPolicy.DEFAULT)).as("a review still ahead is reminded as usual")
                .extracting(Reminder::kind).containsExactly(MailKind.REVIEW_SOON);
        assertThat(ReminderRules.due(importedOn(LocalDate.of(2022, 6, 1), null), LocalDate.of(2022, 7, 1),
                ReminderPolicy.DEFAULT)).as("a deadline seen coming and then missed")
                .extracting(Reminder::kind).containsExactly(MailKind.OVERDUE);
    }

    @ParameterizedTest(name = "on {0}: {1} {2}")
    @CsvSource({
            "2022-06-02, DUE_SOON, due:a1:2022-06-30:before-28",
            "2022-06-23, DUE_SOON, due:a1:2022-06-30:before-7",
            "2022-06-25, DUE_SOON, due:a1:2022-06-30:before-7",
            "2022-06-29, DUE_SOON, due:a1:2022-06-30:before-1",
            "2022-06-30, DUE_TODAY, due:a1:2022-06-30:on-the-day",
            "2022-07-01, OVERDUE, due:a1:2022-06-30:overdue-0",
            "2022-07-07, OVERDUE, due:a1:2022-06-30:overdue-0",
            "2022-07-08, OVERDUE, due:a1:2022-06-30:overdue-1"
    })
    void aMonthPrecisionDeadlineIsRemindedAgainstTheEndOfTheMonth(LocalDate today, MailKind kind, String key) {
        assertThat(ReminderRules.due(dueJune22("GREEN", null), today, ReminderPolicy.DEFAULT))
                .singleElement().satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(kind);
                    assertThat(r.key()).isEqualTo(key);
                });
    }

    @Test
    void longBeforeTheFirstReminderNothingIsDue() {
        assertThat(ReminderRules.due(dueJune22("GREEN", null), LocalDate.of(2022, 5, 1), ReminderPolicy.DEFAULT))
                .isEmpty();
    }

    @Test
    void aCompleteActionIsNeverReminded() {
        assertThat(ReminderRules.due(dueJune22("COMPLETE", null), LocalDate.of(2022, 7, 8), ReminderPolicy.DEFAULT))
                .isEmpty();
    }

    @Test
    void aPlansOwnPolicyDecidesTheDays() {
        ReminderPolicy fortnightly = new ReminderPolicy(List.of(14), 14);

        assertThat(ReminderRules.due(dueJune22("AMBER", null), LocalDate.of(2022, 6, 16), fortnightly))
                .extracting(Reminder::key).containsExactly("due:a1:2022-06-30:before-14");
        assertThat(ReminderRules.due(dueJune22("AMBER", null), LocalDate.of(2022, 7, 14), fortnightly))
                .extracting(Reminder::key).containsExactly("due:a1:2022-06-30:overdue-0");
    }

    @Test
    void reviewDatesGetTheSameTreatment() {
        assertThat(ReminderRules.due(dueJune22("GREEN", LocalDate.of(2022, 9, 30)), LocalDate.of(2022, 9, 30),
                ReminderPolicy.DEFAULT)).extracting(Reminder::kind).containsExactly(MailKind.OVERDUE, MailKind.REVIEW_TODAY);
    }
}
