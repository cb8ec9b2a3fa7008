// Package pipeline runs xenoscope's whole sequence — crawl → analyze →
// indicators → report — over one database, for `xenoscope run`,
// `xenoscope schedule` and `xenoscope demo`.
//
// Decisions:
//   - One run at a time per database: Run takes an flock(2) on DB+".lock"
//     (Lock). A second run fails at once with ErrLocked instead of queueing
//     behind the first; the kernel releases the lock when a process dies.
//   - Every stage is incremental and idempotent (the crawl frontier, the
//     analyze model version, indicators recomputed from the database), so a
//     rerun after any failure or kill simply continues.
//   - Cancellation (SIGINT/SIGTERM) cancels the context: the current stage
//     checkpoints (crawl records the run as interrupted, analyze commits per
//     batch) and Run returns an error wrapping ErrInterrupted without
//     starting the next stage. Committed work is never rolled back.
//   - The report is written into a temporary directory inside the output
//     directory and each finished file is then renamed into place, so a
//     failed or interrupted report leaves the previous report intact (each
//     file is either the old or the new one, never half-written).
//   - Partial success: the run finishes, but a source failed completely
//     (every fetch of it failed). Result.Partial says so; `run` exits 3.
//   - Each stage's wall time and peak RSS (Linux VmHWM, reset per stage)
//     are recorded in Result.Stages for docs/performance.md.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/internal/cputime"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

// Stage names, in order.
const (
	StageCheck      = "check" // PRAGMA integrity_check before anything writes
	StageCrawl      = "crawl"
	StageAnalyze    = "analyze"
	StageIndicators = "indicators"
	StageReport     = "report"
)

// ErrInterrupted is wrapped (together with the context's error) when a
// run was cancelled; what the finished stages committed is kept.
var ErrInterrupted = errors.New("run interrupted")

// Options tune a run. The zero value crawls every city and writes the
// report with the indicators' defaults.
type Options struct {
	// Crawl is passed to crawl.Run; Logger and Progress are filled in from
	// the fields below when nil.
	Crawl crawl.Options
	// SkipCrawl runs analyze → indicators → report on what is stored.
	SkipCrawl bool
	// Workers is analyze's parallelism (0 = number of CPUs).
	Workers int
	// From, To ("2006-01"), Cities, MinN, Resamples and Seed select and
	// tune the indicators and the report (zero = the indicators defaults).
	From, To  string
	Cities    []string
	MinN      int
	Resamples int
	Seed      uint64
	// SyntheticNotice, when set, labels the report as synthetic data.
	SyntheticNotice string
	// Logger gets one line per stage; nil discards.
	Logger *slog.Logger
	// Progress receives progress bars (pass a terminal) or nil.
	Progress io.Writer
	// AfterStage, when set, is called after each stage finishes (tests).
	AfterStage func(stage string)
}

// Stage is what one stage did and cost.
type Stage struct {
	Name     string        `json:"name"`
	Duration time.Duration `json:"duration_ns"`
	// PeakRSS is the process's peak resident memory during the stage in
	// bytes (Linux VmHWM reset before the stage; elsewhere Go's Sys).
	PeakRSS int64 `json:"peak_rss_bytes"`
	// CPU is the user+system CPU time the process used during the stage;
	// CPU/Duration near the number of cores means CPU-bound, near 0 means
	// waiting (network, politeness delays, disk).
	CPU    time.Duration `json:"cpu_ns"`
	Detail string        `json:"detail"`
}

// Result is what a run did.
type Result struct {
	DB            string           `json:"db"`
	Crawl         model.CrawlStats `json:"crawl"`
	FailedSources []string         `json:"failed_sources,omitempty"`
	Analyzed      int              `json:"analyzed"`
	Documents     int              `json:"documents"`
	Indicators    int              `json:"indicator_values"`
	Insufficient  int              `json:"insufficient_values"`
	ReportIndex   string           `json:"report_index"` // path of index.html
	Stages        []Stage          `json:"stages"`
}

// Partial reports whether some sources failed completely.
func (r *Result) Partial() bool { return len(r.FailedSources) > 0 }

// Run runs crawl → analyze → indicators → report on the database at
// dbPath (created if missing) and writes the report into outDir. It holds
// the database's lock for the whole run.
func Run(ctx context.Context, cfg *config.Config, dbPath, outDir string, opts Options) (*Result, error) {
	if cfg == nil && !opts.SkipCrawl {
		return nil, errors.New("run: no config")
	}
	if outDir == "" {
		return nil, errors.New("run: no output directory")
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	unlock, err := Lock(dbPath)
	if err != nil {
		return nil, err
	}
	defer unlock()
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	// A damaged file is refused before anything writes to it: the crawl
	// would otherwise add rows around the damage.
	checkStart := time.Now()
	if err := db.CheckIntact(ctx); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%w before the integrity check finished: %w", ErrInterrupted, ctx.Err())
		}
		return nil, err
	}
	checkTook := time.Since(checkStart)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("run: output directory: %w", err)
	}
	res := &Result{DB: dbPath}
	res.Stages = append(res.Stages, Stage{Name: StageCheck, Duration: checkTook, Detail: "PRAGMA integrity_check ok"})
	p := &runner{ctx: ctx, cfg: cfg, db: db, outDir: outDir, opts: opts, log: log, res: res}
	stages := []struct {
		name string
		fn   func() (string, error)
	}{
		{StageCrawl, p.crawl},
		{StageAnalyze, p.analyze},
		{StageIndicators, p.indicators},
		{StageReport, p.report},
	}
	for _, st := range stages {
		if st.name == StageCrawl && opts.SkipCrawl {
			continue
		}
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("%w before %s: %w", ErrInterrupted, st.name, err)
		}
		log.Info("stage start", "stage", st.name)
		resetPeakRSS()
		start, cpu0 := time.Now(), cputime.Process()
		detail, err := st.fn()
		peak, _ := peakRSS()
		s := Stage{Name: st.name, Duration: time.Since(start), CPU: cputime.Process() - cpu0, PeakRSS: peak, Detail: detail}
		res.Stages = append(res.Stages, s)
		if err != nil {
			if ctx.Err() != nil {
				log.Warn("stage interrupted", "stage", st.name, "after", s.Duration.Round(time.Millisecond), "detail", detail)
				return res, fmt.Errorf("%w during %s (work committed so far is kept; rerun to continue): %w", ErrInterrupted, st.name, ctx.Err())
			}
			log.Error("stage failed", "stage", st.name, "error", err)
			if !strings.HasPrefix(err.Error(), st.name+":") {
				err = fmt.Errorf("%s: %w", st.name, err)
			}
			return res, err
		}
		log.Info("stage done", "stage", st.name, "duration", s.Duration.Round(time.Millisecond),
			"cpu", s.CPU.Round(time.Millisecond), "peak_rss_mb", peak>>20, "detail", detail)
		if opts.AfterStage != nil {
			opts.AfterStage(st.name)
		}
	}
	return res, nil
}

type runner struct {
	// ind is what the indicators stage computed; the report reuses it.
	ind    *indicators.Result
	ctx    context.Context
	cfg    *config.Config
	db     *store.DB
	outDir string
	opts   Options
	log    *slog.Logger
	res    *Result
}

func (p *runner) crawl() (string, error) {
	co := p.opts.Crawl
	if co.Logger == nil {
		co.Logger = p.log.With("stage", StageCrawl)
	}
	if co.Progress == nil {
		co.Progress = p.opts.Progress
	}
	st, err := crawl.Run(p.ctx, p.db, p.cfg, co)
	p.res.Crawl = st
	for _, s := range st.Sources {
		if s.Failed {
			p.res.FailedSources = append(p.res.FailedSources, s.City+"/"+s.Source)
			p.log.Warn("source failed", "city", s.City, "source", s.Source, "errors", s.Errors)
		}
	}
	errs := 0
	for _, n := range st.Errors {
		errs += n
	}
	detail := fmt.Sprintf("fetched %d, new %d, updated %d, unchanged %d, duplicates %d, robots-skipped %d, errors %d",
		st.Fetched, st.New, st.Updated, st.Unchanged, st.Duplicates, st.RobotsSkipped, errs)
	return detail, err
}

func (p *runner) indicators() (string, error) {
	r, err := indicators.Compute(p.ctx, p.db, p.query())
	if err != nil {
		return "", err
	}
	p.ind = r
	p.res.Documents = r.Documents
	p.res.Indicators = len(r.Values)
	for _, v := range r.Values {
		if v.Insufficient {
			p.res.Insufficient++
		}
	}
	return fmt.Sprintf("%d documents, %d cities x %d months, %d values (%d insufficient), model %q",
		r.Documents, len(r.Cities), len(r.Months), len(r.Values), p.res.Insufficient, r.Model), nil
}

func (p *runner) query() indicators.Query {
	return indicators.Query{From: p.opts.From, To: p.opts.To, Cities: p.opts.Cities, MinN: p.opts.MinN,
		Resamples: p.opts.Resamples, Seed: p.opts.Seed}
}

// publish moves every file under tmp into out (same file system), creating
// directories as needed, so that each file is replaced atomically.
func publish(tmp, out string) error {
	return filepath.WalkDir(tmp, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(tmp, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(out, rel)
		if d.IsDir() {
			if rel == "." {
				return nil
			}
			return os.MkdirAll(dst, 0o755)
		}
		return os.Rename(path, dst)
	})
}

// reportTmp makes the temporary report directory inside outDir.
func reportTmp(outDir string) (string, error) {
	return os.MkdirTemp(outDir, ".report-tmp-")
}

func isHidden(name string) bool { return strings.HasPrefix(filepath.Base(name), ".") }
