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
	dbPath := dbFlag(fs, false)
	var qf queryFlags
	qf.register(fs, indicators.DefaultMinN)
	format := newFormat(fs, false, "csv", "json", "table")
	regOnly := registeredOnlyFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *dbPath == "" {
		return usageErr("example: xenoscope indicators -db xenoscope.db -from 2026-01 -format table", "indicators needs -db")
	}
	if err := qf.check(); err != nil {
		return err
	}
	db, err := openForCities(ctx, *dbPath, qf.cities)
	if err != nil {
		return err
	}
	defer db.Close()
	q := qf.query()
	q.RegisteredFiguresOnly = *regOnly
	res, err := indicators.Compute(ctx, db, q)
	if errors.Is(err, indicators.ErrBadQuery) {
		return usageErr("check -from and -to (months YYYY-MM, inclusive)", "%v", err)
	}
	if err != nil {
		return err
	}
	switch format.value {
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
	fmt.Fprintf(env.Stderr, "%d documents in %d cities x %d months (%s to %s); scores of model %q; %d dated by fetch time (no publication date); %d stale (older model), %d unscored\n",
		res.Documents, len(res.Cities), len(res.Months), first(res.Months), last(res.Months), res.Model, res.Fallback, res.Stale, res.Unscored)
	return nil
}

func first(s []string) string {
	if len(s) == 0 {
		return "-"
	}
	return s[0]
}

func last(s []string) string {
	if len(s) == 0 {
		return "-"
	}
	return s[len(s)-1]
}

// queryFlags choose which indicator values to compute: the range, the
// cities, the minimum n and the bootstrap. indicators, report, run,
// schedule and demo share them.
type queryFlags struct {
	rangeFlags
	cities    stringList
	minN      int
	resamples int
	seed      uint64
}

func (q *queryFlags) register(fs *flag.FlagSet, minN int) {
	q.rangeFlags.register(fs)
	cityFlag(fs, &q.cities, "default: every city")
	fs.IntVar(&q.minN, "min-n", minN, "values with fewer documents behind them are marked insufficient")
	fs.IntVar(&q.resamples, "resamples", indicators.DefaultResamples, "bootstrap resamples (for means and rates; shares use Wilson intervals)")
	fs.Uint64Var(&q.seed, "seed", 0, "bootstrap seed (the same seed gives the same intervals)")
}

func (q *queryFlags) check() error {
	if err := q.rangeFlags.check(); err != nil {
		return err
	}
	if q.minN < 1 {
		return usageErr("", "-min-n must be at least 1, got %d", q.minN)
	}
	if q.resamples < 1 || q.resamples > indicators.MaxResamples {
		return usageErr(fmt.Sprintf("the default %d resamples give stable 95%% intervals; more than %d only costs memory and time",
			indicators.DefaultResamples, indicators.MaxResamples),
			"-resamples must be between 1 and %d, got %d", indicators.MaxResamples, q.resamples)
	}
	return nil
}

func (q *queryFlags) query() indicators.Query {
	return indicators.Query{From: q.from, To: q.to, Cities: q.cities, MinN: q.minN, Resamples: q.resamples, Seed: q.seed}
}
