/** The daily digest: everything held for a recipient who asked for one email a day, sent as one email. */
package org.planwatch.notification.digest;
