/** This service's own view of actions and their leads, kept from plan-service's events; never a call back. */
package org.planwatch.notification.actionview;
