/** The actions API: create, list with the filters people use daily, change with If-Match, history. */
package org.planwatch.plan.action.web;
