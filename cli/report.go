package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/reports"
)

func init() {
	register("report", "write charts (PNG, SVG), CSV files and a self-contained index.html", runReport)
}

func runReport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "report", "-db xenoscope.db -out DIR [-from 2026-01] [-to 2026-10] [-city NAME ...]")
	dbPath := dbFlag(fs, false)
	out := fs.String("out", "", "directory for index.html, indicators.csv, figures.csv, coverage.csv and charts/ (created if missing; required)")
	var qf queryFlags
	qf.register(fs, indicators.DefaultMinN)
	title := fs.String("title", "", "page title (default \"xenoscope report\")")
	synthetic := fs.Bool("synthetic", false, "label the report as SYNTHETIC SAMPLE DATA")
	regOnly := registeredOnlyFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *dbPath == "" || *out == "" {
		return usageErr("example: xenoscope report -db xenoscope.db -out report/", "report needs -db and -out")
	}
	if err := qf.check(); err != nil {
		return err
	}
	db, err := openForCities(ctx, *dbPath, qf.cities)
	if err != nil {
		return err
	}
	defer db.Close()
	err = reports.Write(ctx, db, *out, reports.Options{From: qf.from, To: qf.to, Cities: qf.cities, MinN: qf.minN,
		Resamples: qf.resamples, Seed: qf.seed, Title: *title, SyntheticNotice: *synthetic, RegisteredFiguresOnly: *regOnly})
	switch {
	case errors.Is(err, indicators.ErrBadQuery):
		return usageErr("check -from and -to (months YYYY-MM, inclusive)", "%v", err)
	case errors.Is(err, reports.ErrNoData):
		return usageErr("check -from/-to/-city, or crawl and analyze first", "%v", err)
	case err != nil:
		return err
	}
	abs, _ := filepath.Abs(filepath.Join(*out, reports.IndexFile))
	fmt.Fprintln(env.Stdout, abs)
	return nil
}
