/** What the API refuses and why: invalid fields, unknown ids, conflicts; plain Java, reported as problem+json. */
package org.planwatch.notification.problem;
