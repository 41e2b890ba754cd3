package org.planwatch.notification.mail;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.util.ICalDate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * All-day calendar events for deadlines, written with biweekly. The UID is stable per action and date kind, and
 * the sequence is the action's version, so a moved due date updates the lead's existing calendar entry.
 */
public final class CalendarInvites {

    private CalendarInvites() {
    }

    public static String allDay(String uid, long sequence, LocalDate date, String summary, String description, String url) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//planwatch//reminders//EN");
        calendar.setMethod(Method.publish());
        VEvent event = new VEvent();
        event.setUid(uid);
        event.setSequence((int) Math.min(Integer.MAX_VALUE, sequence));
        event.setSummary(summary);
        event.setDescription(description);
        event.setUrl(url);
        event.setDateStart(new ICalDate(startOf(date), false));
        event.setDateEnd(new ICalDate(startOf(date.plusDays(1)), false));
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    /** A date-only value is written in the JVM's zone, so the day must start in that zone too. */
    private static Date startOf(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
