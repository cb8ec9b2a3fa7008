package indicators

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"
)

// CSVHeader is the exact header of the tidy CSV.
var CSVHeader = []string{"city", "month", "indicator", "value", "ci_low", "ci_high", "n"}

// FormatNumber writes v for CSV: shortest exact decimal, "NA" when undefined
// (R and pandas read NA as missing).
func FormatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "NA"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// WriteCSV writes vals as tidy long CSV with exactly the columns
// city,month,indicator,value,ci_low,ci_high,n. Insufficient values are
// written too (their n says why); undefined numbers are NA.
func WriteCSV(w io.Writer, vals []Value) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, v := range vals {
		if err := cw.Write([]string{v.City, v.Month, v.Indicator, FormatNumber(v.Value), FormatNumber(v.CILow), FormatNumber(v.CIHigh), strconv.Itoa(v.N)}); err != nil {
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
// insufficient values are marked with "*".
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\t%s\t%d\t\n", v.City, v.Month, v.Indicator, FormatValue(v.Indicator, v.Value), mark, ci, v.N)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "* insufficient: n < %d documents (or undefined); do not read as a trend\n", minN)
	return err
}

// WriteCoverageTable writes the coverage beside the documents counts: per
// city and month the documents, active sources, crawl errors and the
// documents dated by fetch time.
func WriteCoverageTable(w io.Writer, cov []Coverage) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "city\tmonth\tdocuments\tactive sources\tsources crawled\tcrawl errors\tno date (fallback)\tunscored\tstale\t")
	for _, c := range cov {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", c.City, c.Month, c.Documents, c.ActiveSources,
			c.SourcesCrawled, c.CrawlErrors, c.Fallback, c.Unscored, c.Stale)
	}
	return tw.Flush()
}
