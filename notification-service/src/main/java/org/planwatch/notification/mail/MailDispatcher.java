package org.planwatch.notification.mail;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what waits in the queue. Every replica sends: each email is claimed by one sender with a short lease (see
 * {@link MailQueue#claim}), renewed before each attempt, so a killed sender holds up only the email it was
 * sending, and only until its lease runs out. Each send goes through the "smtp" retry and circuit breaker; a passing
 * failure puts the email back with a later attempt time, a permanent one marks it FAILED with the reason. While the
 * circuit is open nothing is attempted, and everything waiting goes out once the server answers again.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailQueue queue;
    private final SmtpConnection smtp;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Clock clock;
    private final String from;
    private final int batchSize;
    private final IntervalFunction backoff;
    private final Counter sent;
    private final Counter failed;
    private final Counter retried;
    private final RecipientChoices recipients;
    private final Duration lease;
    private final String senderId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final ExecutorService woken = Executors.newSingleThreadExecutor(task -> new Thread(task, "mail-sender"));
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final Set<String> onTheirWay = ConcurrentHashMap.newKeySet();
    // Long enough to outlast a store restart: while the store is down no sender can claim the email either, and
    // once it is back this record lands within half a second.
    private final Retry recording = Retry.of("mail-recording", RetryConfig.custom().maxAttempts(600)
            .waitDuration(Duration.ofMillis(500)).build());

    MailDispatcher(MailQueue queue, SmtpConnection smtp, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries,
               Clock clock, MeterRegistry meters, @Value("${planwatch.mail.from}") String from,
               @Value("${planwatch.mail.batch-size:50}") int batchSize,
               @Value("${planwatch.mail.longest-wait:15s}") Duration longestWait,
               @Value("${planwatch.mail.lease:30s}") Duration lease, RecipientChoices recipients) {
        this.recipients = recipients;
        this.lease = lease;
        this.queue = queue;
        this.smtp = smtp;
        this.circuitBreaker = circuitBreakers.circuitBreaker("smtp");
        this.retry = retries.retry("smtp");
        this.clock = clock;
        this.from = from;
        this.batchSize = batchSize;
        // 2 s, 4 s, 8 s ... after each passing failure, never longer than planwatch.mail.longest-wait.
        this.backoff = IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(2), 2, longestWait);
        this.sent = Counter.builder("planwatch.mail.sent").description("emails the SMTP server accepted").register(meters);
        this.failed = Counter.builder("planwatch.mail.failed").description("emails given up as permanently failed")
                .register(meters);
        this.retried = Counter.builder("planwatch.mail.retried").description("emails put back after a passing failure")
                .register(meters);
    }

    /**
     * Sends what is due at once, on a thread of the sender's own, when an email has been queued: the poll below is
     * only the fallback (for retries that come due, and emails queued by another replica).
     */
    void wake() {
        if (wakeUpPending.compareAndSet(false, true)) {
            woken.execute(() -> {
                wakeUpPending.set(false);
                sendWaitingOrSayWhyNot("on wake-up");
            });
        }
    }

    /** Lets a send under way finish while the queue's store is still open. */
    @PreDestroy
    void stopWaking() throws InterruptedException {
        woken.shutdown();
        woken.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Scheduled(fixedDelayString = "${planwatch.mail.poll-interval:100ms}")
    void poll() {
        sendWaitingOrSayWhyNot("on the poll");
    }

    /** The emails stay queued, and the next poll or wake-up tries again (the store may be away for a while). */
    private void sendWaitingOrSayWhyNot(String when) {
        try {
            sendWaiting();
        } catch (RuntimeException e) {
            log.warn("Sending {} failed: {}", when, rootMessage(e));
        }
    }

    private void sendWaiting() {
        for (String due : queue.dueIds(clock.instant(), batchSize)) {
            Instant now = clock.instant();
            QueuedMail mail = queue.claim(due, senderId, now, now.plus(lease));
            if (mail == null) {
                continue;
            }
            // This process's other sender may still hold it: sent, and recording that while the store restarts for
            // longer than the lease. Sending it again would double it; its record will say SENT.
            if (!onTheirWay.add(mail.id())) {
                continue;
            }
            try {
                if (!sendOne(mail)) {
                    return;
                }
            } finally {
                onTheirWay.remove(mail.id());
            }
        }
    }

    /** Returns false when the SMTP server is judged down, so the rest of the batch waits too. */
    boolean sendOne(QueuedMail mail) {
        try {
            AtomicInteger attempt = new AtomicInteger();
            Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(circuitBreaker, () -> {
                // Each attempt fits in a lease (the SMTP timeouts see to it). The first runs in the lease just taken;
                // renewing it before each further one means no other sender can have taken the email meanwhile.
                if (attempt.getAndIncrement() > 0 && !queue.holdClaim(mail.id(), senderId, clock.instant().plus(lease))) {
                    throw new ClaimLost();
                }
                transmit(mail);
            })).run();
        } catch (ClaimLost another) {
            log.warn("Email {} was taken by another sender after this one's lease ran out", mail.id());
            return true;
        } catch (CallNotPermittedException circuitOpen) {
            queue.postpone(mail.id(), clock.instant().plusMillis(circuitBreaker.getCircuitBreakerConfig()
                    .getWaitIntervalFunctionInOpenState().apply(1)), "SMTP server unavailable (circuit open)");
            retried.increment();
            return false;
        } catch (RuntimeException e) {
            if (TransientSmtpFailure.isPermanent(e)) {
                log.warn("Email {} to {} failed permanently: {}", mail.id(), mail.recipient(), rootMessage(e));
                queue.markFailed(mail.id(), rootMessage(e));
                failed.increment();
                return true;
            }
            Instant next = clock.instant().plusMillis(backoff.apply(mail.attempts() + 1));
            log.info("Email {} to {} will be tried again at {}: {}", mail.id(), mail.recipient(), next, rootMessage(e));
            queue.postpone(mail.id(), next, rootMessage(e));
            retried.increment();
            return true;
        }
        recordSent(mail);
        return true;
    }

    /**
     * The server has the email now, so a failure to record that (the store restarting) is retried here, for up to
     * five minutes, rather than counted against SMTP, which would send the email again.
     */
    private void recordSent(QueuedMail mail) {
        Retry.decorateRunnable(recording, () -> queue.markSent(mail.id(), clock.instant())).run();
        sent.increment();
    }

    private void transmit(QueuedMail mail) {
        MimeMessage message = smtp.newMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            if (mail.chart() != null) {
                helper.addInline(ComposedMail.Chart.CONTENT_ID, new ByteArrayResource(mail.chart()), "image/png");
            }
            if (mail.calendar() != null) {
                helper.addAttachment("planwatch.ics", new ByteArrayResource(mail.calendar().getBytes(StandardCharsets.UTF_8)),
                        "text/calendar; charset=UTF-8; method=PUBLISH");
            }
            message.setHeader("X-Planwatch-Mail-Id", mail.id());
            MailKind kind = MailKind.valueOf(mail.kind());
            if (kind.isReminder() || kind == MailKind.DIGEST) {
                // RFC 8058: mail clients offer a one-click unsubscribe that POSTs to this signed link.
                message.setHeader("List-Unsubscribe", "<" + recipients.unsubscribeLink(mail.recipient(), kind) + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.saveChanges();
            // The same Message-ID on every attempt (set after saveChanges, which would make a new one): if a sender
            // dies after the server took an email and before it is marked SENT, the copy sent again is one that mail
            // systems which drop repeated Message-IDs show once.
            message.setHeader("Message-ID", messageId(mail.id()));
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        smtp.send(message);
    }

    /** A Message-ID for an email of the queue: the same for every attempt to send it. */
    String messageId(String mailId) {
        return "<" + UUID.nameUUIDFromBytes(mailId.getBytes(StandardCharsets.UTF_8)) + "@"
                + from.substring(from.lastIndexOf('@') + 1).replace(">", "") + ">";
    }

    /** This sender's lease on an email ran out and another sender holds it now: not an SMTP failure. */
    static final class ClaimLost extends RuntimeException {
    }

    private static String rootMessage(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
