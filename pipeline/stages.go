package pipeline

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/figures"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/reports"
	"github.com/xenoscope/xenoscope/store"
)

// The scorer's models are loaded once per process (schedule runs many
// times); a Scorer is safe for concurrent use once built.
var (
	scorerOnce sync.Once
	scorerErr  error
	scorerBase *analyze.Scorer
)

func newScorer() (*analyze.Scorer, error) {
	scorerOnce.Do(func() { scorerBase, scorerErr = analyze.New() })
	if scorerErr != nil {
		return nil, scorerErr
	}
	s := *scorerBase // a shallow copy shares the loaded models; People is per run
	return &s, nil
}

// analyze scores every document not yet scored by the current model, and
// stores each document's mentions and attributed statements (package
// figures, with the config's registry) in the same transaction.
func (p *runner) analyze() (string, error) {
	s, err := newScorer()
	if err != nil {
		return "", fmt.Errorf("analyze: load models: %w", err)
	}
	st, err := Analyze(p.ctx, p.db, s, p.cfg, analyze.AnalyzeOptions{
		Workers:  p.opts.Workers,
		Progress: p.opts.Progress,
		Logger:   p.log.With("stage", StageAnalyze),
	})
	p.res.Analyzed = st.Scored
	detail := fmt.Sprintf("scored %d of %d pending documents (%d words), model %s", st.Scored, st.Pending, st.Words, st.Model)
	return detail, err
}

// AttachPeople gives s a figures Finder with cfg's registry of public figures
// (cfg may be nil): every score then carries mentions and attributed quotes.
func AttachPeople(s *analyze.Scorer, cfg *config.Config) error {
	finder, err := figures.NewFinderFromConfig(cfg)
	if err != nil {
		return fmt.Errorf("figures: %w", err)
	}
	s.People = finder
	return nil
}

// Analyze scores every document of db not yet scored by s's model version.
// It syncs cfg's figure registry (cfg may be nil), attaches the figures
// Finder, and stores each document's mentions and attributed statements in
// the same transaction as its scores (o.AfterScore is set here).
func Analyze(ctx context.Context, db *store.DB, s *analyze.Scorer, cfg *config.Config, o analyze.AnalyzeOptions) (analyze.AnalyzeStats, error) {
	if cfg != nil {
		if err := AttachPeople(s, cfg); err != nil {
			return analyze.AnalyzeStats{}, err
		}
	} else {
		// Without -config, the registry the last `run -config` stored:
		// the same registry, so the same attribution version.
		specs, err := db.RegistrySpecs(ctx)
		if err != nil {
			return analyze.AnalyzeStats{}, err
		}
		finder, err := figures.NewFinderFromSpecs(specs)
		if err != nil {
			return analyze.AnalyzeStats{}, fmt.Errorf("figures: %w", err)
		}
		s.People = finder
	}
	if cfg != nil {
		if err := db.SyncRegistry(ctx, cfg.Specs()); err != nil {
			return analyze.AnalyzeStats{}, fmt.Errorf("figure registry: %w", err)
		}
	}
	version := s.AttributionVersion()
	save := func(tx *sql.Tx, doc model.Document, ms []model.Mention, qs []model.Quote) error {
		// Not cancelled halfway: the transaction commits or rolls back whole.
		return store.SaveDocAttribution(context.WithoutCancel(ctx), tx, doc, ms, qs, version, figures.LocalContext(doc.Text, doc.City, doc.Kind))
	}
	o.AfterScore = func(tx *sql.Tx, doc model.Document, sc *model.Scores) error {
		return save(tx, doc, sc.Mentions, sc.Quotes)
	}
	o.Reattribute = save
	return analyze.AnalyzeDB(ctx, db, s, o)
}

// report writes the report into a temporary directory inside outDir and
// then renames each file into place.
func (p *runner) report() (string, error) {
	tmp, err := reportTmp(p.outDir)
	if err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	defer os.RemoveAll(tmp)
	err = reports.Write(p.ctx, p.db, tmp, reports.Options{Result: p.ind, SyntheticNotice: p.opts.SyntheticNotice != ""})
	if err != nil {
		return "", err
	}
	if err := publish(tmp, p.outDir); err != nil {
		return "", fmt.Errorf("report: publish into %s: %w", p.outDir, err)
	}
	p.res.ReportIndex = filepath.Join(p.outDir, reports.IndexFile)
	return "wrote " + p.res.ReportIndex, nil
}
