/** News from measure-service: telling people when a measure's figures stop coming, and when they resume. */
package org.planwatch.notification.measurestatus;
