package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/xenoscope/xenoscope/demo"
	"github.com/xenoscope/xenoscope/pipeline"
)

func init() {
	register("demo", "offline demo: serve a synthetic sample corpus on loopback, crawl, analyze and report it", runDemo)
}

// demoPort is the fixed port the demo sites try first, so that a rerun
// finds the same URLs and is incremental.
const demoPort = 47810

// The demo corpus: about 1,570 articles (~26 per town and month, ~9 of
// them about migration), and months with fewer than 10 documents behind a
// value marked insufficient. A sample this size cannot meet the default
// minimum of 20 for the migration shares; the report says which minimum
// it used.
const (
	demoScale = 2.5
	demoMinN  = 10
)

func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "demo", "[-out DIR]")
	outDir := fs.String("out", "xenoscope-demo", "directory for the report and the demo database (DIR/xenoscope.db)")
	scale := fs.Float64("scale", demoScale, "corpus size multiplier (1 = about a thousand articles)")
	var pf pipelineFlags
	pf.register(fs, false, demoMinN)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := pf.check(); err != nil {
		return err
	}
	if *scale <= 0 || *scale > 50 {
		return usageErr("", "-scale %g: must be above 0 and at most 50", *scale)
	}
	log, err := newLogger(env.Stderr, pf.logFormat, pf.verbose)
	if err != nil {
		return err
	}
	start := time.Now()
	corpus, err := demo.Generate(demo.CorpusOptions{Scale: *scale})
	if err != nil {
		return err
	}
	d, err := demo.Serve(ctx, demo.Options{Corpus: corpus, Port: demoPort, Logger: log})
	if err != nil {
		return err
	}
	defer d.Close()
	fmt.Fprintf(env.Stderr, "%s\n\n", demo.SyntheticNotice)
	fmt.Fprintf(env.Stderr, "serving %d synthetic articles from %d loopback sites (%d cities); crawling them over HTTP\n",
		len(corpus.Articles), len(d.Sites), len(corpus.Cities))
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// The config the demo crawled, for reference (its ports only answer
	// while the demo runs).
	if err := os.WriteFile(filepath.Join(*outDir, "demo-config.toml"), d.TOML, 0o644); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	cfg, opts, err := pf.options(d.Config, log, terminal(env.Stderr))
	if err != nil {
		return err
	}
	opts.SyntheticNotice = demo.SyntheticNotice
	opts.Crawl.Timeout = 20 * time.Second
	res, err := pipeline.Run(ctx, cfg, filepath.Join(*outDir, "xenoscope.db"), *outDir, opts)
	endProgress(opts.Progress)
	if res != nil {
		printResult(env.Stderr, res)
	}
	if err != nil {
		return pipelineErr(err)
	}
	index := res.ReportIndex
	if abs, err := filepath.Abs(index); err == nil {
		index = abs
	}
	fmt.Fprintf(env.Stderr, "demo finished in %s\n", time.Since(start).Round(time.Millisecond))
	fmt.Fprintln(env.Stdout, index)
	if res.Partial() {
		return &PartialError{Msg: fmt.Sprintf("some demo sources failed: %v", res.FailedSources)}
	}
	return nil
}
