/** Which change deserves which email to whom: the rules, in plain Java. */
package org.planwatch.notification.trigger;
