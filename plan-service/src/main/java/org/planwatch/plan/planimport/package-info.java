/**
 * Plans imported from the documents partnerships already keep: a table (TSV, CSV, XLSX or a Word table, often as it
 * came out of a PDF) read into themes, numbered outcomes and actions, every guess a warning with its source line;
 * a dry run first, then a commit that creates the plan or updates it in place.
 */
package org.planwatch.plan.planimport;
