package analyze

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

// AnalyzeOptions controls AnalyzeDB.
type AnalyzeOptions struct {
	Workers  int       // scoring goroutines (default GOMAXPROCS)
	Progress io.Writer // optional: one progress line per committed batch
	Logger   *slog.Logger
	// AfterScore runs inside the write transaction that stores a document's
	// scores (the figures package stores mentions and statements there).
	// An error rolls back the batch and stops AnalyzeDB.
	AfterScore func(tx *sql.Tx, doc model.Document, sc *model.Scores) error
	// BatchSize is the number of documents read per query and written per
	// transaction (default 64).
	BatchSize int
	// Reattribute stores a document's mentions and attributed quotes
	// inside the write transaction. When set and the scorer has an
	// AttributionVersion, documents whose scores are current but whose
	// attribution is not (store.PendingAttribution) are re-attributed
	// with their stored sentence scores, without rescoring.
	Reattribute func(tx *sql.Tx, doc model.Document, mentions []model.Mention, quotes []model.Quote) error
}

// AnalyzeStats says what AnalyzeDB did.
type AnalyzeStats struct {
	Model   string `json:"model"`
	Pending int    `json:"pending"` // documents to score at the start
	Scored  int    `json:"scored"`
	// Attribution is the People finder's version; Reattributed counts the
	// documents whose mentions and statements alone were redone.
	Attribution  string        `json:"attribution,omitempty"`
	Reattributed int           `json:"reattributed"`
	Words        int           `json:"words"`
	Batches      int           `json:"batches"`
	Duration     time.Duration `json:"duration_ns"`
}

type scoredDoc struct {
	doc model.Document
	sc  model.Scores
}

// AnalyzeDB scores every stored document that has no scores by s's model
// version, in parallel, streaming: ids are read in batches through the read
// pool, documents are scored by Workers goroutines, and each batch is
// written in one transaction (doc_scores, sentence_scores, AfterScore). A
// killed run resumes where it stopped: a committed batch is never redone, an
// uncommitted one is redone completely, nothing is doubled. Memory is bounded
// by a few batches whatever the corpus size.
func AnalyzeDB(ctx context.Context, db *store.DB, s *Scorer, o AnalyzeOptions) (AnalyzeStats, error) {
	start := time.Now()
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 64
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	st := AnalyzeStats{Model: s.Version(), Attribution: s.AttributionVersion()}
	pending, _, err := db.CountPendingScores(ctx, st.Model)
	if err != nil {
		return st, err
	}
	st.Pending = pending
	log.Info("analyze", "model", st.Model, "pending", pending, "workers", o.Workers)
	if pending == 0 {
		if o.Reattribute != nil && st.Attribution != "" {
			err = reattribute(ctx, db, s, o, &st)
		}
		st.Duration = time.Since(start)
		return st, err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var firstErr error
	var once sync.Once
	fail := func(err error) {
		once.Do(func() { firstErr = err; cancel() })
	}

	type job struct {
		doc model.Document
	}
	jobs := make(chan job, o.BatchSize)
	results := make(chan scoredDoc, o.BatchSize)

	// reader
	go func() {
		defer close(jobs)
		var after int64
		for {
			ids, err := db.PendingScores(ctx, st.Model, after, o.BatchSize)
			if err != nil {
				fail(err)
				return
			}
			if len(ids) == 0 {
				return
			}
			after = ids[len(ids)-1]
			var docs []model.Document
			err = db.EachDocument(ctx, store.DocumentFilter{IDs: ids}, func(d *model.Document) error {
				docs = append(docs, *d)
				return nil
			})
			if err != nil {
				fail(err)
				return
			}
			for _, d := range docs {
				select {
				case jobs <- job{d}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	// scorers
	var wg sync.WaitGroup
	for w := 0; w < o.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				tc := model.TextContext{City: j.doc.City, Kind: j.doc.Kind, Speaker: j.doc.Speaker, Language: j.doc.Language}
				sc := s.Score(fmt.Sprint(j.doc.ID), j.doc.Text, tc)
				select {
				case results <- scoredDoc{j.doc, sc}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// writer: commits every BatchSize results (in completion order).
	var buf []scoredDoc
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		now := time.Now()
		stale := map[int64]bool{}
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			clear(stale)
			for i := range buf {
				r := &buf[i]
				// A crawl may have stored a new text since it was read:
				// these scores are not the document's; it stays pending.
				if r.doc.ContentHash != "" {
					same, err := store.SameText(ctx, tx, r.doc.ID, r.doc.ContentHash)
					if err != nil {
						return err
					}
					if !same {
						stale[r.doc.ID] = true
						continue
					}
				}
				if err := store.SaveScores(ctx, tx, r.doc.ID, &r.sc, now); err != nil {
					return err
				}
				if o.AfterScore != nil {
					if err := o.AfterScore(tx, r.doc, &r.sc); err != nil {
						return fmt.Errorf("after score of document %d: %w", r.doc.ID, err)
					}
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("store scores: %w", err)
		}
		for _, r := range buf {
			if stale[r.doc.ID] {
				log.Info("text changed while scoring; left pending", "document", r.doc.ID)
				continue
			}
			st.Scored++
			st.Words += r.sc.Words
		}
		st.Batches++
		if o.Progress != nil {
			fmt.Fprintf(o.Progress, "analyze: %d/%d documents scored (%.0f words/s)\n", st.Scored, st.Pending,
				float64(st.Words)/time.Since(start).Seconds())
		}
		buf = buf[:0]
		return nil
	}
	for r := range results {
		buf = append(buf, r)
		if len(buf) >= o.BatchSize {
			if err := flush(); err != nil {
				fail(err)
				break
			}
		}
	}
	if firstErr == nil {
		if err := flush(); err != nil {
			fail(err)
		}
	}
	for range results { // let scorers exit after a failure
	}
	if firstErr == nil && ctx.Err() != nil {
		firstErr = ctx.Err()
	}
	if firstErr == nil && o.Reattribute != nil && s.AttributionVersion() != "" {
		firstErr = reattribute(ctx, db, s, o, &st)
	}
	st.Duration = time.Since(start)
	log.Info("analyze done", "scored", st.Scored, "words", st.Words, "seconds", st.Duration.Seconds())
	return st, firstErr
}

// reattribute redoes the mentions and statements of documents whose scores
// are current (by s.Version) but whose attribution is not (by
// s.AttributionVersion): a new figure registry, or analyze run once with
// and once without -config, re-attributes; it never rescores.
func reattribute(ctx context.Context, db *store.DB, s *Scorer, o AnalyzeOptions, st *AnalyzeStats) error {
	var after int64
	for {
		ids, err := db.PendingAttribution(ctx, st.Model, st.Attribution, after, o.BatchSize)
		if err != nil || len(ids) == 0 {
			return err
		}
		after = ids[len(ids)-1]
		var docs []model.Document
		if err := db.EachDocument(ctx, store.DocumentFilter{IDs: ids}, func(d *model.Document) error {
			docs = append(docs, *d)
			return nil
		}); err != nil {
			return err
		}
		type found struct {
			ms []model.Mention
			qs []model.Quote
		}
		res := make([]found, len(docs))
		for i, d := range docs {
			sents, err := db.SentenceMigration(ctx, d.ID)
			if err != nil {
				return err
			}
			tc := model.TextContext{City: d.City, Kind: d.Kind, Speaker: d.Speaker, Language: d.Language}
			res[i].ms, res[i].qs = s.Attribute(d.Text, tc, sents)
		}
		err = db.Tx(ctx, func(tx *sql.Tx) error {
			for i, d := range docs {
				if err := o.Reattribute(tx, d, res[i].ms, res[i].qs); err != nil {
					return fmt.Errorf("re-attribute document %d: %w", d.ID, err)
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("store attribution: %w", err)
		}
		st.Reattributed += len(docs)
		if o.Progress != nil {
			fmt.Fprintf(o.Progress, "analyze: %d documents re-attributed (figure registry or attribution rules changed)\n", st.Reattributed)
		}
	}
}
