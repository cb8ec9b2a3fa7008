package indicators

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"
)

// CSVHeader is the exact header of the tidy CSV: the keys of Value's JSON.
var CSVHeader = []string{"city", "month", "indicator", "value", "ci_low", "ci_high", "n", "insufficient", "partial"}

// FormatNumber writes v for CSV: shortest exact decimal, "NA" when undefined
// (R and pandas read NA as missing).
func FormatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "NA"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// WriteCSV writes vals as tidy long CSV with exactly the columns of
// CSVHeader. Insufficient values are written too (their n says why);
// undefined numbers, and the interval of a raw count, are NA.
func WriteCSV(w io.Writer, vals []Value) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, v := range vals {
		if err := cw.Write([]string{v.City, v.Month, v.Indicator, FormatNumber(v.Value), FormatNumber(v.CILow), FormatNumber(v.CIHigh),
			strconv.Itoa(v.N), strconv.FormatBool(v.Insufficient), strconv.FormatBool(v.Partial)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// FormatValue formats v for people: counts as integers, rates and means
// with 3 significant decimals, "–" when undefined.
func FormatValue(indicator string, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	d, _ := Lookup(indicator)
	switch {
	case (d.Kind == "count" || d.Kind == "coverage") && v == math.Trunc(v):
		return strconv.FormatFloat(v, 'f', 0, 64)
	case d.Kind == "count" || d.Kind == "coverage":
		return strconv.FormatFloat(v, 'f', 1, 64)
	case math.Abs(v) >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return strconv.FormatFloat(v, 'f', 3, 64)
	}
}

// WriteTable writes vals as an aligned text table for a terminal;
// insufficient values are marked with "*", the month still being collected
// with "(partial month)".
func WriteTable(w io.Writer, vals []Value, minN int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "city\tmonth\tindicator\tvalue\t95% CI\tn\t")
	for _, v := range vals {
		mark := ""
		if v.Insufficient {
			mark = "*"
		}
		ci := "–"
		if !math.IsNaN(v.CILow) {
			ci = "[" + FormatValue(v.Indicator, v.CILow) + ", " + FormatValue(v.Indicator, v.CIHigh) + "]"
		}
		if v.Partial {
			mark += " (partial month)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\t%s\t%d\t\n", v.City, v.Month, v.Indicator, FormatValue(v.Indicator, v.Value), mark, ci, v.N)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "* insufficient: n < %d documents (or undefined); do not read as a trend\n"+
		"Intervals cover sampling only, not classifier error; raw counts have none.\n", minN)
	return err
}

// WriteCoverageTable writes the coverage beside the documents counts: per
// city and month the documents, active sources, crawl errors and the
// documents dated by fetch time.
func WriteCoverageTable(w io.Writer, cov []Coverage) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "city\tmonth\tdocuments\tactive sources\tsources crawled\tcrawl errors\tno date (fallback)\tunscored\tstale\texcluded (not English)\t")
	for _, c := range cov {
		month := c.Month
		if c.Partial {
			month += " (partial)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", c.City, month, c.Documents, c.ActiveSources,
			c.SourcesCrawled, c.CrawlErrors, c.Fallback, c.Unscored, c.Stale, c.Excluded)
	}
	return tw.Flush()
}

// CoverageCSVHeader is the header of coverage.csv: the keys of Coverage's
// JSON.
var CoverageCSVHeader = []string{"city", "month", "documents", "scored", "stale", "unscored", "excluded", "fallback",
	"active_sources", "sources_crawled", "crawl_fetched", "crawl_errors", "partial"}

// WriteCoverageCSV writes the coverage as CSV with CoverageCSVHeader.
func WriteCoverageCSV(w io.Writer, cov []Coverage) error {
	cw := csv.NewWriter(w)
	cw.Write(CoverageCSVHeader)
	for _, c := range cov {
		cw.Write([]string{c.City, c.Month, strconv.Itoa(c.Documents), strconv.Itoa(c.Scored), strconv.Itoa(c.Stale),
			strconv.Itoa(c.Unscored), strconv.Itoa(c.Excluded), strconv.Itoa(c.Fallback), strconv.Itoa(c.ActiveSources),
			strconv.Itoa(c.SourcesCrawled), strconv.Itoa(c.CrawlFetched), strconv.Itoa(c.CrawlErrors), strconv.FormatBool(c.Partial)})
	}
	cw.Flush()
	return cw.Error()
}
