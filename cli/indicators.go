package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"

	"github.com/xenoscope/xenoscope/indicators"
)

func init() {
	register("indicators", "monthly per-city indicators with 95% bootstrap CIs and n (csv, json or table)", runIndicators)
}

func runIndicators(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "indicators", "-db xenoscope.db [-from 2026-01] [-to 2026-10] [-city NAME ...] [-format csv|json|table] [-min-n 20]")
	dbPath := fs.String("db", "", "the SQLite database (required)")
	var qf queryFlags
	qf.register(fs)
	format := fs.String("format", "csv", "output format: csv (tidy: city,month,indicator,value,ci_low,ci_high,n), json or table")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("", "indicators takes no arguments, got %q", fs.Args())
	}
	if *dbPath == "" {
		return usageErr("example: xenoscope indicators -db xenoscope.db -from 2026-01 -format table", "indicators needs -db")
	}
	switch *format {
	case "csv", "json", "table":
	default:
		return usageErr("use -format csv, json or table", "unknown format %q", *format)
	}
	if err := qf.check(); err != nil {
		return err
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := indicators.Compute(ctx, db, qf.query())
	if errors.Is(err, indicators.ErrBadQuery) || errors.Is(err, indicators.ErrUnknownCity) {
		return usageErr("", "%v", err)
	}
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		err = indicators.WriteCSV(env.Stdout, res.Values)
	case "json":
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(res)
	case "table":
		err = indicators.WriteTable(env.Stdout, res.Values, res.Query.MinN)
		if err == nil {
			fmt.Fprintln(env.Stdout, "\nCoverage:")
			err = indicators.WriteCoverageTable(env.Stdout, res.Coverage)
		}
	}
	if err != nil {
		return fmt.Errorf("write indicators: %w", err)
	}
	fmt.Fprintf(env.Stderr, "%d documents in %d cities x %d months; scores of model %q; %d dated by fetch time (no publication date); %d stale (older model), %d unscored\n",
		res.Documents, len(res.Cities), len(res.Months), res.Model, res.Fallback, res.Stale, res.Unscored)
	return nil
}

// queryFlags are the flags that choose which indicator values to compute,
// shared by indicators and report.
type queryFlags struct {
	from, to  string
	cities    stringList
	minN      int
	resamples int
	seed      uint64
}

func (q *queryFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&q.from, "from", "", "first month, YYYY-MM (default: the first month with documents)")
	fs.StringVar(&q.to, "to", "", "last month, YYYY-MM (default: the last month with documents)")
	fs.Var(&q.cities, "city", "only this city (repeatable)")
	fs.IntVar(&q.minN, "min-n", indicators.DefaultMinN, "months with fewer documents behind a value are marked insufficient")
	fs.IntVar(&q.resamples, "resamples", indicators.DefaultResamples, "bootstrap resamples")
	fs.Uint64Var(&q.seed, "seed", 0, "bootstrap seed (the same seed gives the same intervals)")
}

func (q *queryFlags) check() error {
	if q.minN < 1 {
		return usageErr("", "-min-n must be at least 1, got %d", q.minN)
	}
	if q.resamples < 1 {
		return usageErr("", "-resamples must be at least 1, got %d", q.resamples)
	}
	return nil
}

func (q *queryFlags) query() indicators.Query {
	return indicators.Query{From: q.from, To: q.to, Cities: q.cities, MinN: q.minN, Resamples: q.resamples, Seed: q.seed}
}
