/** Wiring shared by the features: the clock, MongoDB mappings and indexes, scheduling with a lock. */
package org.planwatch.plan.config;
