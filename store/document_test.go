package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
)

func savePageDB(t *testing.T) (*DB, int64, int64) {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ids, err := db.SyncSources(ctx, []model.CitySpec{{Name: "Leeds", Sources: []model.SourceSpec{{Name: "post", Kind: "news"}}}})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.StartCrawlRun(ctx, "", time.Now(), RunOwner{})
	if err != nil {
		t.Fatal(err)
	}
	return db, ids[SourceRef{"Leeds", "post"}], run
}

const (
	storyA  = "The council approved the new bus lanes on Tuesday after a long debate about parking in the old town and the cost of the works."
	storyA2 = "The council approved the new bus lanes on Tuesday after a long debate about parking in the old town and the cost of the works. Updated at 6pm."
	storyB  = "Volunteers opened a winter shelter in the church hall, with forty beds and hot meals every evening until the end of March."
)

// A page that names a stored article as its rel=canonical URL never
// overwrites it (issue 13 point 4): the same article is a duplicate,
// another article is stored under the page's own URL.
func TestCanonicalNeverOverwrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, src, run := savePageDB(t)
	now := time.Now()
	add := func(urls ...string) {
		var es []FrontierEntry
		for _, u := range urls {
			es = append(es, FrontierEntry{URL: u, SourceID: src})
		}
		if _, err := db.AddToFrontier(ctx, run, now, es); err != nil {
			t.Fatal(err)
		}
	}
	a, amp, evil := "https://p.test/a", "https://p.test/amp/a", "https://p.test/evil"
	add(a, amp, evil)
	save := func(fetched, canonical, text string) SaveResult {
		t.Helper()
		d := &DocumentRecord{URL: canonical, SourceID: src, Title: "t", Text: text, ContentHash: "h:" + text}
		if canonical != fetched {
			d.FetchedURL = fetched
		}
		r, err := db.SavePage(ctx, PageRecord{URL: fetched, RunID: run, State: StateDone, Status: 200, FetchedAt: now, Doc: d})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	first := save(a, a, storyA)
	if first.Outcome != OutcomeNew {
		t.Fatalf("first: %+v", first)
	}
	if r := save(amp, a, storyA2); r.Outcome != OutcomeDuplicate || r.DocumentID != first.DocumentID {
		t.Errorf("same article via canonical: %+v, want a duplicate of %d", r, first.DocumentID)
	}
	r := save(evil, a, storyB)
	if r.Outcome != OutcomeNew || r.DocumentID == first.DocumentID || r.StoredURL != evil {
		t.Errorf("other article claiming the canonical URL: %+v, want new under its own URL", r)
	}
	d, err := db.Document(ctx, first.DocumentID)
	if err != nil || d.Text != storyA || d.URL != a {
		t.Errorf("first article overwritten: %+v %v", d, err)
	}
	if state, outcome, _, _ := db.FrontierState(ctx, a); state != StateDone || outcome != OutcomeNew {
		t.Errorf("first article's frontier row relabelled: %s/%s", state, outcome)
	}
}

// A document whose text changes loses its scores, sentences, mentions and
// statements in the transaction that stores the new text, so it is pending
// for analyze again (issue 13 point 5).
func TestChangedTextIsPendingAgain(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, src, run := savePageDB(t)
	u := "https://p.test/story"
	if _, err := db.AddToFrontier(ctx, run, time.Now(), []FrontierEntry{{URL: u, SourceID: src}}); err != nil {
		t.Fatal(err)
	}
	save := func(text string) SaveResult {
		r, err := db.SavePage(ctx, PageRecord{URL: u, RunID: run, State: StateDone, Status: 200, FetchedAt: time.Now(),
			Doc: &DocumentRecord{URL: u, SourceID: src, Text: text, ContentHash: "h:" + text}})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := save(storyA)
	doc, err := db.Document(ctx, r.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	sc := &model.Scores{Model: "m1", Migration: 0.4, SentenceScores: []model.SentenceScore{{Index: 0, Start: 0, End: 10}}}
	if err := db.Tx(ctx, func(tx *sql.Tx) error {
		if err := SaveScores(ctx, tx, doc.ID, sc, time.Now()); err != nil {
			return err
		}
		return SaveDocFigures(ctx, tx, *doc, []model.Mention{{Text: "council", Start: 4, End: 11, Name: "Jane Doe"}},
			[]model.Quote{{Speaker: "Jane Doe", Text: "approved", Start: 12, End: 20}}, "m1")
	}); err != nil {
		t.Fatal(err)
	}
	if p, _, _ := db.CountPendingScores(ctx, "m1"); p != 0 {
		t.Fatalf("pending %d after scoring", p)
	}
	if r := save(storyA); r.Outcome != OutcomeUnchanged {
		t.Fatalf("same text: %+v", r)
	}
	if p, _, _ := db.CountPendingScores(ctx, "m1"); p != 0 {
		t.Errorf("unchanged text made pending")
	}
	if r := save(storyA2); r.Outcome != OutcomeUpdated {
		t.Fatalf("changed text: %+v", r)
	}
	if p, _, _ := db.CountPendingScores(ctx, "m1"); p != 1 {
		t.Errorf("changed text: %d pending, want 1", p)
	}
	for _, table := range []string{"doc_scores", "sentence_scores", "mentions", "statements"} {
		var n int
		db.R.QueryRow(`SELECT count(*) FROM `+table+` WHERE document_id = ?`, doc.ID).Scan(&n)
		if n != 0 {
			t.Errorf("%s keeps %d rows of the old text", table, n)
		}
	}
	// analyze's guard: the text it read is no longer the stored one.
	if err := db.Tx(ctx, func(tx *sql.Tx) error {
		same, err := SameText(ctx, tx, doc.ID, doc.ContentHash)
		if same {
			t.Error("SameText true for the old hash")
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

func TestSameArticle(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{storyA, storyA2, true},
		{storyA, storyB, false},
		{"", "", true},
		{"Short note.", "Short note!", true},
		{"Short note.", storyB, false},
	} {
		if got := SameArticle(tc.a, tc.b); got != tc.want {
			t.Errorf("SameArticle(%.30q, %.30q) = %v", tc.a, tc.b, got)
		}
	}
}
