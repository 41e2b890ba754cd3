/** Wiring shared by the features: the clock, MongoDB mappings and indexes, scheduling with a lock, problems. */
package org.planwatch.notification.config;
