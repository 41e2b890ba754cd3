/** Judging whether a measure will meet its target, and keeping each judgement current (plain Java at its core). */
package org.planwatch.measure.progress;
