/** Preferences and one-click unsubscribe over HTTP. */
package org.planwatch.notification.preference.web;
