package cli

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/pipeline"
)

func init() {
	register("schedule", "long-running daemon: `run` on a cron schedule; stops gracefully on SIGTERM", runSchedule)
}

// cronLogger adapts slog to cron's logger interface.
type cronLogger struct{ log *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) { c.log.Debug("cron: "+msg, kv...) }
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.log.Error("cron: "+msg, append(kv, "error", err)...)
}

func runSchedule(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "schedule", `-config cities.toml -db xenoscope.db -out DIR -cron "0 3 * * *" [flags]`)
	cfgPath := configFlag(fs, "what to crawl (required; re-read before every run)")
	dbPath := dbFlag(fs, true)
	outDir := fs.String("out", "", "directory for the report")
	spec := fs.String("cron", "0 3 * * *", `when to run: a 5-field cron spec ("0 3 * * *" = 03:00 daily, local time) or @daily, @hourly, "@every 6h"`)
	runNow := fs.Bool("run-now", false, "also run once at start")
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
	if err := requirePaths("schedule", *cfgPath, *dbPath, *outDir, true); err != nil {
		return err
	}
	log, err := newLogger(env.Stderr, pf.logFormat, pf.verbose)
	if err != nil {
		return err
	}
	sched, err := cron.ParseStandard(*spec)
	if err != nil {
		return usageErr(`write it like "0 3 * * *" (minute hour day-of-month month day-of-week) or "@every 6h"`, "-cron %q: %v", *spec, err)
	}
	// Check the config now, so that a typo fails at start rather than at 3am.
	if cfg, err := loadConfig(*cfgPath); err != nil {
		return err
	} else if _, _, err := pf.options(cfg, log, nil); err != nil {
		return err
	} else {
		warnSharedSources(env.Stderr, cfg)
	}

	job := func() {
		start := time.Now()
		cfg, err := config.Load(*cfgPath)
		if err != nil {
			log.Error("run skipped: bad config", "error", err)
			return
		}
		cfg, opts, err := pf.options(cfg, log, nil)
		if err != nil {
			log.Error("run skipped: bad -city for the config", "error", err)
			return
		}
		log.Info("run start", "db", *dbPath, "out", *outDir)
		res, err := pipeline.Run(ctx, cfg, *dbPath, *outDir, opts)
		switch {
		case err != nil:
			log.Error("run failed", "error", err, "after", time.Since(start).Round(time.Millisecond))
		case res.Partial():
			log.Warn("run partial: some sources failed", "failed_sources", res.FailedSources,
				"duration", time.Since(start).Round(time.Millisecond), "report", res.ReportIndex)
		default:
			log.Info("run done", "duration", time.Since(start).Round(time.Millisecond), "report", res.ReportIndex)
		}
	}
	cl := cronLogger{log}
	c := cron.New(cron.WithLogger(cl), cron.WithChain(cron.Recover(cl), cron.SkipIfStillRunning(cl)))
	id := c.Schedule(sched, cron.FuncJob(job))
	c.Start()
	log.Info("scheduler started", "cron", *spec, "next_run", c.Entry(id).Next.Format(time.RFC3339), "db", *dbPath)
	var now sync.WaitGroup
	if *runNow {
		now.Go(c.Entry(id).WrappedJob.Run)
	}
	<-ctx.Done()
	log.Info("shutdown requested: checkpointing the current run, if any")
	// Stop prevents new runs; the running one sees ctx cancelled,
	// checkpoints its stage and returns.
	stopped := c.Stop()
	now.Wait()
	select {
	case <-stopped.Done():
	case <-time.After(5 * time.Minute):
		return fmt.Errorf("schedule: the current run did not stop within 5 minutes of the shutdown request")
	}
	log.Info("scheduler stopped")
	return nil
}
