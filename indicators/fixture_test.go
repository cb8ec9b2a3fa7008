package indicators

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xenoscope/xenoscope/store"
)

// docRow is one synthetic document with its scores for test databases.
type docRow struct {
	city, source                     string
	published                        string // RFC 3339 or ""
	fetched                          string
	model                            string // "" = unscored
	scoredAt                         string
	mig, anti, counter, stance, hate float64
	words, pm, sent, psn, ms         int
	mts                              float64
}

// stmtRow is one attributed statement of a figure in the doc'th docRow.
type stmtRow struct {
	doc           int
	figure        string
	counter, anti float64
}

// buildDB writes cities, sources, documents, scores and statements into a
// new SQLite file in tb's temp dir.
func buildDB(tb testing.TB, docs []docRow, stmts []stmtRow) *store.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(tb.TempDir(), "x.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := insert(ctx, db, docs, stmts); err != nil {
		tb.Fatal(err)
	}
	return db
}

func insert(ctx context.Context, db *store.DB, docs []docRow, stmts []stmtRow) error {
	return db.Tx(ctx, func(tx *sql.Tx) error {
		cities := map[string]int64{}
		sources := map[[2]string]int64{}
		figs := map[[2]string]int64{}
		docIDs := make([]int64, len(docs))
		insDoc, err := tx.PrepareContext(ctx, `INSERT INTO documents(url, source_id, title, text, published, fetched_at, content_hash, words) VALUES (?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		insScore, err := tx.PrepareContext(ctx, `INSERT INTO doc_scores(document_id, model, migration, anti_migrant, counter_speech, stance, populism, populist_sentences, tone, hate_crime_report, words, populism_matches, sentences, populist_sentence_n, migration_sentences, migration_tone_sum, scored_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		for i, d := range docs {
			cid, ok := cities[d.city]
			if !ok {
				r, err := tx.ExecContext(ctx, `INSERT INTO cities(name) VALUES (?)`, d.city)
				if err != nil {
					return err
				}
				cid, _ = r.LastInsertId()
				cities[d.city] = cid
			}
			sk := [2]string{d.city, d.source}
			sid, ok := sources[sk]
			if !ok {
				r, err := tx.ExecContext(ctx, `INSERT INTO sources(city_id, name, kind) VALUES (?,?,'news')`, cid, d.source)
				if err != nil {
					return err
				}
				sid, _ = r.LastInsertId()
				sources[sk] = sid
			}
			url := fmt.Sprintf("https://news.example/%s/%d", d.source, i)
			r, err := insDoc.ExecContext(ctx, url, sid, fmt.Sprintf("doc %d", i), "", d.published, d.fetched, fmt.Sprintf("h%d", i), d.words)
			if err != nil {
				return err
			}
			docIDs[i], _ = r.LastInsertId()
			if d.model == "" {
				continue
			}
			at := d.scoredAt
			if at == "" {
				at = "2026-11-01T00:00:00Z"
			}
			pop := 0.0
			if d.words > 0 {
				pop = 1000 * float64(d.pm) / float64(d.words)
			}
			if _, err := insScore.ExecContext(ctx, docIDs[i], d.model, d.mig, d.anti, d.counter, d.stance, pop, 0, 0, d.hate,
				d.words, d.pm, d.sent, d.psn, d.ms, d.mts, at); err != nil {
				return err
			}
		}
		for _, s := range stmts {
			d := docs[s.doc]
			cid := cities[d.city]
			fk := [2]string{d.city, s.figure}
			fid, ok := figs[fk]
			if !ok {
				r, err := tx.ExecContext(ctx, `INSERT INTO figures(city_id, name, registered) VALUES (?,?,1)`, cid, s.figure)
				if err != nil {
					return err
				}
				fid, _ = r.LastInsertId()
				figs[fk] = fid
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO statements(document_id, figure_id, city_id, month, speaker, start, end, text, kind, counter_speech, anti_migrant, model) VALUES (?,?,?,?,?,0,0,'q','direct',?,?,'f1')`,
				docIDs[s.doc], fid, cid, "", s.figure, s.counter, s.anti); err != nil {
				return err
			}
		}
		return nil
	})
}
