package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/pipeline"
	"github.com/xenoscope/xenoscope/reports"
)

func init() {
	register("run", "crawl → analyze → indicators → report in one go, for cron/systemd (exit 0 ok, 3 partial, 1 failed)", runRun)
}

// pipelineFlags are the flags run, schedule and demo share.
type pipelineFlags struct {
	queryFlags
	maxPages  int
	noCrawl   bool
	workers   int
	logFormat string
	verbose   bool
}

func (pf *pipelineFlags) register(fs *flag.FlagSet, crawlFlags bool, minN int) {
	pf.queryFlags.register(fs, minN)
	if crawlFlags {
		fs.IntVar(&pf.maxPages, "max-pages", 0, "stop crawling after this many pages per run (0 = no limit; the rest is crawled next run)")
		fs.BoolVar(&pf.noCrawl, "no-crawl", false, "skip the crawl: analyze, compute indicators and report on what is stored")
	}
	fs.IntVar(&pf.workers, "workers", 0, "analyze workers (0 = number of CPUs)")
	fs.StringVar(&pf.logFormat, "log-format", "text", "log format on stderr: text or json")
	fs.BoolVar(&pf.verbose, "v", false, "verbose: debug logging (every page fetched)")
}

// options returns the pipeline options; cfg (nil with -no-crawl) is
// restricted to the -city cities, which it must know.
func (pf *pipelineFlags) options(cfg *config.Config, log *slog.Logger, progress io.Writer) (*config.Config, pipeline.Options, error) {
	o := pipeline.Options{SkipCrawl: pf.noCrawl, Workers: pf.workers, From: pf.from, To: pf.to, Cities: pf.cities,
		MinN: pf.minN, Resamples: pf.resamples, Seed: pf.seed, Logger: log, Progress: progress}
	o.Crawl.MaxPages = pf.maxPages
	if cfg != nil {
		var err error
		if cfg, o.Crawl.City, err = restrictConfig(cfg, pf.cities); err != nil {
			return nil, o, err
		}
	}
	return cfg, o, nil
}

// restrictConfig returns cfg with only the given cities (all when none)
// and the crawl's city filter: the city when there is one, "" otherwise.
// A city the config does not list is unknownCity.
func restrictConfig(cfg *config.Config, cities []string) (*config.Config, string, error) {
	if len(cities) == 0 {
		return cfg, "", nil
	}
	var names []string
	for _, c := range cfg.Cities {
		names = append(names, c.Name)
	}
	out := *cfg
	out.Cities = nil
	for _, name := range cities {
		c, ok := cfg.City(name)
		if !ok {
			return nil, "", unknownCity(name, names)
		}
		if !slices.ContainsFunc(out.Cities, func(x config.City) bool { return x.Name == name }) {
			out.Cities = append(out.Cities, *c)
		}
	}
	if len(out.Cities) == 1 {
		return &out, out.Cities[0].Name, nil
	}
	return &out, "", nil
}

// newLogger makes the slog logger of a long-running command: text (the
// default, for a terminal or journald) or JSON lines (-log-format json).
func newLogger(w io.Writer, format string, verbose bool) (*slog.Logger, error) {
	lvl := slog.LevelInfo
	if verbose {
		lvl = slog.LevelDebug
	}
	ho := &slog.HandlerOptions{Level: lvl}
	switch format {
	case "text", "":
		return slog.New(slog.NewTextHandler(w, ho)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, ho)), nil
	default:
		return nil, usageErr("use -log-format text or -log-format json", "unknown -log-format %q", format)
	}
}

// requirePaths checks the flags every pipeline command needs.
func requirePaths(name, cfgPath, dbPath, outDir string, needConfig bool) error {
	switch {
	case needConfig && cfgPath == "":
		return usageErr(fmt.Sprintf("xenoscope %s -config cities.toml -db xenoscope.db -out report/", name), "-config is required")
	case dbPath == "":
		return usageErr(fmt.Sprintf("xenoscope %s -config cities.toml -db xenoscope.db -out report/", name), "-db is required")
	case outDir == "":
		return usageErr(fmt.Sprintf("xenoscope %s -config cities.toml -db xenoscope.db -out report/", name), "-out is required")
	}
	return nil
}

// pipelineErr turns a pipeline error into the CLI's error kinds.
func pipelineErr(err error) error {
	if errors.Is(err, pipeline.ErrLocked) {
		return usageErr("only one run per database at a time; if no other xenoscope is running, the lock is free again (a killed run releases it)", "%v", err)
	}
	if errors.Is(err, config.ErrInvalid) {
		return usageErr("fix the config file and run again", "%v", err)
	}
	return err
}

func runRun(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "run", "-config cities.toml -db xenoscope.db -out DIR [flags]")
	cfgPath := configFlag(fs, "what to crawl (required unless -no-crawl); its figure registry names figures")
	dbPath := dbFlag(fs, true)
	outDir := fs.String("out", "", "directory for the report (index.html, indicators.csv, charts)")
	format := newFormat(fs, true, "text", "json")
	var pf pipelineFlags
	pf.register(fs, true, indicators.DefaultMinN)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := pf.check(); err != nil {
		return err
	}
	if err := requirePaths("run", *cfgPath, *dbPath, *outDir, !pf.noCrawl); err != nil {
		return err
	}
	log, err := newLogger(env.Stderr, pf.logFormat, pf.verbose)
	if err != nil {
		return err
	}
	var cfg *config.Config
	if *cfgPath != "" {
		if cfg, err = loadConfig(*cfgPath); err != nil {
			return err
		}
		warnSharedSources(env.Stderr, cfg)
	}
	cfg, opts, err := pf.options(cfg, log, terminal(env.Stderr))
	if err != nil {
		return err
	}
	res, err := pipeline.Run(ctx, cfg, *dbPath, *outDir, opts)
	endProgress(opts.Progress)
	if res != nil {
		if format.value == "json" {
			enc := json.NewEncoder(env.Stdout)
			enc.SetIndent("", "  ")
			enc.Encode(res)
		} else {
			printResult(env.Stdout, res)
		}
	}
	if res != nil && len(res.FailedSources) > 0 && len(res.FailedSources) == len(res.Crawl.Sources) {
		// Nothing new came in: say why, rather than what failed after it
		// (typically "no documents in the selected range").
		return usageErr(failedHint(res.Crawl), "every source failed (%d of %d): %s", len(res.FailedSources),
			len(res.Crawl.Sources), strings.Join(res.FailedSources, ", "))
	}
	if errors.Is(err, reports.ErrNoData) {
		return usageErr("check -from/-to/-city; with -no-crawl, crawl first", "%v", err)
	}
	if err != nil {
		return pipelineErr(err)
	}
	if res.Partial() {
		return &PartialError{Msg: fmt.Sprintf("run finished, but %d source(s) failed completely: %s",
			len(res.FailedSources), strings.Join(res.FailedSources, ", "))}
	}
	return nil
}

func printResult(w io.Writer, res *pipeline.Result) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "stage\ttime\tCPU\tpeak RSS\twhat")
	for _, s := range res.Stages {
		rss := "-"
		if s.PeakRSS > 0 {
			rss = fmt.Sprintf("%d MiB", s.PeakRSS>>20)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.Name, s.Duration.Round(time.Millisecond), s.CPU.Round(time.Millisecond), rss, s.Detail)
	}
	tw.Flush()
	if res.ReportIndex != "" {
		fmt.Fprintf(w, "report: %s\n", res.ReportIndex)
	}
}
