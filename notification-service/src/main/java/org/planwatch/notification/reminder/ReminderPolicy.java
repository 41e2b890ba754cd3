package org.planwatch.notification.reminder;

import java.util.List;
import java.util.TreeSet;
import org.planwatch.problem.InvalidFieldException;

/**
 * When a plan's leads are reminded: {@code daysBefore} a date (each at most once per date), on the day, and every
 * {@code overdueEveryDays} while it is past.
 */
public record ReminderPolicy(List<Integer> daysBefore, int overdueEveryDays) {

    public static final ReminderPolicy DEFAULT = new ReminderPolicy(List.of(28, 7, 1), 7);

    public ReminderPolicy {
        if (daysBefore == null || daysBefore.size() > 10 || daysBefore.stream().anyMatch(d -> d == null || d < 1 || d > 366)) {
            throw new InvalidFieldException("daysBefore", "must list up to 10 numbers of days from 1 to 366");
        }
        if (overdueEveryDays < 1 || overdueEveryDays > 92) {
            throw new InvalidFieldException("overdueEveryDays", "must be from 1 to 92");
        }
        daysBefore = List.copyOf(new TreeSet<>(daysBefore).descendingSet());
    }
}
