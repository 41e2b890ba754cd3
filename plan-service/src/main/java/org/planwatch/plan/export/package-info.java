/** A plan as the table its partnership is used to: the column layouts of the plan documents, as CSV or XLSX. */
package org.planwatch.plan.export;
