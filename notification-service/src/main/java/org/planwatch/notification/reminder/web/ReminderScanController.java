package org.planwatch.notification.reminder.web;

import java.time.LocalDate;
import org.planwatch.notification.reminder.ReminderScan;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notifications/reminders/scan}: an administrator runs today's reminder scan now instead of waiting
 * for the next scheduled one (after a restore, say). It queues only what the schedule would have, once.
 */
@RestController
class ReminderScanController {

    private final ReminderScan scan;

    ReminderScanController(ReminderScan scan) {
        this.scan = scan;
    }

    record ScanResult(LocalDate day, int queued) {
    }

    @PostMapping("/api/notifications/reminders/scan")
    ScanResult scanNow() {
        LocalDate today = scan.today();
        return new ScanResult(today, scan.scan(today));
    }
}
