package faults

import (
	"context"
	"database/sql"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/figures"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

// analyzeDB runs analyze as `xenoscope run` does (figures in the same
// transaction), calling tick inside the transaction of every document.
func analyzeDB(ctx context.Context, db *store.DB, batch int, tick func()) (analyze.AnalyzeStats, error) {
	s, err := analyze.New()
	if err != nil {
		return analyze.AnalyzeStats{}, err
	}
	finder, err := figures.NewFinderFromConfig(nil)
	if err != nil {
		return analyze.AnalyzeStats{}, err
	}
	s.People = finder
	return analyze.AnalyzeDB(ctx, db, s, analyze.AnalyzeOptions{
		BatchSize: batch,
		AfterScore: func(tx *sql.Tx, doc model.Document, sc *model.Scores) error {
			if err := store.SaveDocFigures(ctx, tx, doc, sc.Mentions, sc.Quotes, sc.Model); err != nil {
				return err
			}
			if tick != nil {
				tick()
			}
			return nil
		},
	})
}

func childAnalyze(ctx context.Context, db *store.DB, tick func()) error {
	_, err := analyzeDB(ctx, db, 16, tick)
	return err
}
