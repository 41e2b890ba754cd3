/**
 * The action events contract, version 1: CloudEvents envelopes on {@code plan.action.events}, keyed by action id.
 * The JSON Schema lives in {@code src/main/resources/contracts}.
 */
package org.planwatch.plan.action.messaging;
