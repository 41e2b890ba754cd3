/** The lead directory API, including resolving the names plans use. */
package org.planwatch.plan.lead.web;
