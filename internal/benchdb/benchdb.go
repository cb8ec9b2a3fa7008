// Package benchdb builds the synthetic million-document databases of the
// indicators and report benchmarks inside SQLite (recursive CTEs with an
// integer hash as the pseudo-random source, so a database is the same
// every time): 10 cities x 3 sources, 36 months (2024-01..2026-12), one
// document in 40 with an attributed statement of a registered figure, 5%
// of documents without a publication date.
package benchdb

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/store"
)

// Options says what to generate.
type Options struct {
	Docs int
	// Text makes every document ten sentences of text, with ten
	// sentence_scores rows and evidence spans each (the report's examples
	// read them); without it documents have no text and no sentences.
	Text bool
	// Keep, when set, is where the database is kept between runs:
	// generated when missing, reused when present.
	Keep string
}

// Cache generates one database per test process.
type Cache struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// Path returns the database's path, generating it on first use.
func (c *Cache) Path(tb testing.TB, o Options) string {
	tb.Helper()
	c.once.Do(func() {
		if c.path = o.Keep; c.path != "" {
			if _, err := os.Stat(c.path); err == nil {
				return
			}
		} else {
			if c.dir, c.err = os.MkdirTemp("", "xenoscope-bench-"); c.err != nil {
				return
			}
			c.path = filepath.Join(c.dir, "bench.db")
		}
		start := time.Now()
		c.err = Generate(context.Background(), c.path, o)
		tb.Logf("generated %d synthetic documents in %v", o.Docs, time.Since(start).Round(time.Millisecond))
	})
	if c.err != nil {
		tb.Fatal(c.err)
	}
	return c.path
}

// Open opens the database (generated on first use); it is closed when tb
// ends.
func (c *Cache) Open(tb testing.TB, o Options) *store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), c.Path(tb, o))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// Remove deletes a generated database that is not kept (call it from
// TestMain).
func (c *Cache) Remove() {
	if c.dir != "" {
		os.RemoveAll(c.dir)
	}
}

// sentences are the text of every document when Options.Text is set.
var sentences = []string{
	"The council met on Tuesday to discuss the budget for the coming year.",
	"Residents said the new arrivals from abroad were welcome in the town.",
	"Police reported racist graffiti on the wall of the community centre.",
	"The mayor promised more money for schools and the library.",
	"A local group collected winter clothes for refugee families.",
	"Some speakers claimed the town could not take in more people.",
	"The bus company will change its timetable in the spring.",
	"Volunteers taught evening language classes at the town hall.",
	"A councillor said the elite in the capital ignored ordinary people.",
	"The football club opened its training sessions to newcomers.",
}

// Generate writes the database at path.
func Generate(ctx context.Context, path string, o Options) error {
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	n := o.Docs
	// h(i, k) is a deterministic pseudo-random integer in [0, 1000).
	const h = `((((%s) * 2654435761 + %d * 40503) %% 1000003) %% 1000)`
	r := func(k int) string { return fmt.Sprintf(h, "i", k) }
	text, ev, spans := "", "[]", []string(nil)
	if o.Text {
		for j, st := range sentences {
			if j > 0 {
				text += " "
			}
			spans = append(spans, fmt.Sprintf("(%d, %d, %d)", j, len(text), len(text)+len(st)))
			text += st
		}
		at := func(phrase string) (int, int) {
			i := strings.Index(text, phrase)
			return i, i + len(phrase)
		}
		w0, w1 := at("welcome")
		r0, r1 := at("racist graffiti")
		ev = fmt.Sprintf(`[{"score":"counter_speech","start":%d,"end":%d,"text":"welcome","weight":1},{"score":"hate_crime_report","start":%d,"end":%d,"text":"racist graffiti","weight":1}]`,
			w0, w1, r0, r1)
	}
	sentN := fmt.Sprintf("10 + %s %% 30, %s %% 6, %s %% 8, (%s %% 8)", r(11), r(12), r(13), r(13))
	if o.Text {
		sentN = fmt.Sprintf("10, %s %% 6, %s %% 8, (%s %% 8)", r(12), r(13), r(13))
	}
	stmts := []string{
		`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 10)
		 INSERT INTO cities(id, name) SELECT i, 'City ' || char(64 + i) FROM c`,
		`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < 29)
		 INSERT INTO sources(id, city_id, name, kind) SELECT i+1, i/3 + 1, 'source ' || i, 'news' FROM c`,
		`INSERT INTO crawl_runs(started_at, finished_at, status, fetched, new_docs, errors) VALUES ('2026-12-02T03:00:00Z', '2026-12-02T04:00:00Z', 'done', 1000, 900, 3)`,
		// Document i: city i%10, source (i/10)%3 of it, month (i/30)%36.
		fmt.Sprintf(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < %d)
		 INSERT INTO documents(id, url, source_id, title, text, published, fetched_at, content_hash, words)
		 SELECT i+1, 'https://bench.example/' || i, (i %% 10)*3 + (i/10)%%3 + 1, 'Story ' || i, '%s',
		        CASE WHEN %s < 50 THEN '' ELSE printf('%%04d-%%02d-%%02dT12:00:00Z', 2024 + ((i/30)%%36)/12, ((i/30)%%36)%%12 + 1, 1 + %s %% 28) END,
		        printf('%%04d-%%02d-28T00:00:00Z', 2024 + ((i/30)%%36)/12, ((i/30)%%36)%%12 + 1),
		        'h' || i, 200 + %s
		 FROM c`, n-1, text, r(1), r(2), r(3)),
		fmt.Sprintf(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < %d)
		 INSERT INTO doc_scores(document_id, model, migration, anti_migrant, counter_speech, stance, populism,
		        populist_sentences, tone, hate_crime_report, words, populism_matches, sentences, populist_sentence_n,
		        migration_sentences, migration_tone_sum, evidence, scored_at)
		 SELECT i+1, 'bench-v1', %s/1000.0, %s/1000.0, %s/1000.0, %s/500.0 - 1, 0, 0, 0,
		        (%s/1000.0) * (%s/1000.0), 200 + %s, %s %% 12, %s * (%s/500.0 - 1), '%s', '2026-11-01T00:00:00Z'
		 FROM c`, n-1, r(4), r(5), r(6), r(7), r(8), r(9), r(3), r(10), sentN, r(14), ev),
		`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 200)
		 INSERT INTO figures(id, city_id, name, registered) SELECT i, (i-1)/20 + 1, 'Figure ' || i, 1 FROM c`,
		fmt.Sprintf(`INSERT INTO statements(document_id, figure_id, city_id, month, speaker, start, end, text, kind, counter_speech, anti_migrant, migration, model)
		 SELECT d.id, (so.city_id - 1)*20 + 1 + (d.id %% 20), so.city_id, substr(d.fetched_at, 1, 7), 'x', 0, 0, 'We stand together ' || d.id, 'direct',
		        ((d.id * 7919) %% 1000)/1000.0, ((d.id * 104729) %% 1000)/1000.0, 1, 'f'
		 FROM documents d JOIN sources so ON so.id = d.source_id
		 WHERE d.id %% 40 = 0 AND d.id <= %d`, n),
	}
	if o.Text {
		stmts = append(stmts, fmt.Sprintf(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < %d),
		      k(j, s, e) AS (VALUES %s)
		 INSERT INTO sentence_scores(document_id, idx, start, end, migration, anti_migrant, counter_speech, stance, tone, hate_crime_report, populism_matches)
		 SELECT i+1, j, s, e, ((%s + 97*j) %% 1000)/1000.0, ((%s + 131*j) %% 1000)/1000.0, ((%s + 71*j) %% 1000)/1000.0,
		        ((%s + 13*j) %% 1000)/500.0 - 1, ((%s + 29*j) %% 1000)/500.0 - 1, ((%s + 53*j) %% 1000)/1000.0 * 0.5, (%s + j) %% 3
		 FROM c, k`, n-1, strings.Join(spans, ", "), r(4), r(5), r(6), r(7), r(14), r(8), r(10)))
	}
	return db.Tx(ctx, func(tx *sql.Tx) error {
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return fmt.Errorf("generate benchmark db: %w\n%s", err, s)
			}
		}
		return nil
	})
}
