/**
 * The action aggregate: its leads, due date, review, status and RAG rating, the rules of each change, and the
 * history every change leaves.
 */
package org.planwatch.plan.action;
