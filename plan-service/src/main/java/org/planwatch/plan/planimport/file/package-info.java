/**
 * The formats a plan arrives in, each read into rows of cells with the place of each row: tab- and comma-separated
 * text (commons-csv, in UTF-8 or a Windows-1252 export), XLSX sheets and Word tables (Apache POI).
 */
package org.planwatch.plan.planimport.file;
