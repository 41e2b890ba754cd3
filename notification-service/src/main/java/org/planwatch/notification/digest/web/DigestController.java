package org.planwatch.notification.digest.web;

import java.time.Clock;
import java.time.LocalDate;
import org.planwatch.notification.digest.DailyDigest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notifications/digests/send}: an administrator sends today's digests now rather than at the
 * scheduled hour. A recipient gets at most one digest a day; what is held after it waits for the next day's.
 */
@RestController
class DigestController {

    private final DailyDigest digest;
    private final Clock clock;

    DigestController(DailyDigest digest, Clock clock) {
        this.digest = digest;
        this.clock = clock;
    }

    record DigestResult(LocalDate day, int queued) {
    }

    @PostMapping("/api/notifications/digests/send")
    DigestResult sendNow() {
        LocalDate today = LocalDate.now(clock);
        return new DigestResult(today, digest.send(today));
    }
}
