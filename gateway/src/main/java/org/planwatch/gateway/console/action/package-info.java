/** A lead's own actions, and an action's page: where an email's link lands and where progress is reported. */
package org.planwatch.gateway.console.action;
