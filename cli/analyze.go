package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"runtime"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/pipeline"
)

func init() {
	register("analyze", "score every stored document not yet scored by the current model version (incremental, resumable)", runAnalyze)
}

func runAnalyze(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "analyze", "-db xenoscope.db [-config cities.toml] [-workers N] [-format text|json]")
	dbPath := dbFlag(fs, false)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "scoring goroutines")
	cfgPath := configFlag(fs, "optional; its [[city.figure]] registry names figures in mentions and statements")
	format := newFormat(fs, true, "text", "json")
	quiet := fs.Bool("q", false, "no progress line on a terminal")
	var models modelFlags
	fs.Var(&models, "model", "TASK=FILE.json: use a retrained model for TASK (repeatable; changes the model version)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *dbPath == "" {
		return usageErr("example: xenoscope analyze -db xenoscope.db", "analyze needs -db")
	}
	if *workers < 1 {
		return usageErr("", "-workers must be at least 1")
	}
	var cfg *config.Config
	if *cfgPath != "" {
		var err error
		if cfg, err = loadConfig(*cfgPath); err != nil {
			return err
		}
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := newScorer(models)
	if err != nil {
		return err
	}
	o := analyze.AnalyzeOptions{
		Workers: *workers,
		Logger:  slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
	if !*quiet {
		o.Progress = terminal(env.Stderr)
	}
	st, err := pipeline.Analyze(ctx, db, s, cfg, o)
	endProgress(o.Progress)
	if format.value == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if e := enc.Encode(st); e != nil {
			return e
		}
	} else {
		fmt.Fprintf(env.Stdout, "model %s: %d documents scored (%d were pending), %d words in %.1fs\n",
			st.Model, st.Scored, st.Pending, st.Words, st.Duration.Seconds())
	}
	return err
}
