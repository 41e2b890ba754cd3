/** The latest chart of each measure, one document per measure. */
package org.planwatch.notification.measurestatus.store;
