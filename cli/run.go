package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/pipeline"
)

func init() {
	register("run", "crawl → analyze → indicators → report in one go, for cron/systemd (exit 0 ok, 3 partial, 1 failed)", runRun)
}

// pipelineFlags are the flags run, schedule and demo share.
type pipelineFlags struct {
	city      string
	maxPages  int
	noCrawl   bool
	workers   int
	from, to  string
	minN      int
	logFormat string
	verbose   bool
}

func (pf *pipelineFlags) register(fs *flag.FlagSet, crawlFlags bool, minN int) {
	if crawlFlags {
		fs.StringVar(&pf.city, "city", "", "crawl only this city (default: every city in the config)")
		fs.IntVar(&pf.maxPages, "max-pages", 0, "stop crawling after this many pages per run (0 = no limit; the rest is crawled next run)")
		fs.BoolVar(&pf.noCrawl, "no-crawl", false, "skip the crawl: analyze, compute indicators and report on what is stored")
	}
	fs.IntVar(&pf.workers, "workers", 0, "analyze workers (0 = number of CPUs)")
	fs.StringVar(&pf.from, "from", "", "first month of the indicators and report, YYYY-MM (default: first month with documents)")
	fs.StringVar(&pf.to, "to", "", "last month of the indicators and report, YYYY-MM (default: last month with documents)")
	fs.IntVar(&pf.minN, "min-n", minN, "months with fewer documents than this behind a value are marked insufficient (0 = the indicators default, 20)")
	fs.StringVar(&pf.logFormat, "log-format", "text", "log format on stderr: text or json")
	fs.BoolVar(&pf.verbose, "v", false, "verbose: debug logging (every page fetched)")
}

func (pf *pipelineFlags) options(log *slog.Logger, progress io.Writer) pipeline.Options {
	o := pipeline.Options{SkipCrawl: pf.noCrawl, Workers: pf.workers, From: pf.from, To: pf.to, MinN: pf.minN,
		Logger: log, Progress: progress}
	o.Crawl.City = pf.city
	o.Crawl.MaxPages = pf.maxPages
	return o
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

// terminal returns w when it is a terminal (for progress bars), else nil.
func terminal(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return w
	}
	return nil
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
	cfgPath := fs.String("config", "", "the TOML config of cities and sources")
	dbPath := fs.String("db", "", "the SQLite database (created if missing)")
	outDir := fs.String("out", "", "directory for the report (index.html, indicators.csv, charts)")
	jsonOut := fs.Bool("json", false, "print the run's result as JSON on stdout")
	var pf pipelineFlags
	pf.register(fs, true, 0)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("", "run takes no arguments, got %q", fs.Args())
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
	}
	res, err := pipeline.Run(ctx, cfg, *dbPath, *outDir, pf.options(log, terminal(env.Stderr)))
	if res != nil {
		if *jsonOut {
			enc := json.NewEncoder(env.Stdout)
			enc.SetIndent("", "  ")
			enc.Encode(res)
		} else {
			printResult(env.Stdout, res)
		}
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
