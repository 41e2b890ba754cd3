/** Plan exports over HTTP: /api/plans/{id}/export.csv and export.xlsx. */
package org.planwatch.plan.export.web;
