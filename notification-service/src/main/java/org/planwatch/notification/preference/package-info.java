/**
 * What each recipient wants: every email at once or one daily digest, which kinds of reminder they opted out of,
 * and the signed one-click unsubscribe links (RFC 8058) that change that from the email itself.
 */
package org.planwatch.notification.preference;
