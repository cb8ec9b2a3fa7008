package analyze

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

// TestAnalyzeHelperProcess is the child of TestKillAndResumeAnalyze: it
// analyzes the database named by XENOSCOPE_TEST_ANALYZE_DB slowly, until killed.
func TestAnalyzeHelperProcess(t *testing.T) {
	p := os.Getenv("XENOSCOPE_TEST_ANALYZE_DB")
	if p == "" {
		t.Skip("helper process")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	s := newTestScorer(t)
	_, err = AnalyzeDB(ctx, db, s, AnalyzeOptions{Workers: 2, BatchSize: 10, AfterScore: func(*sql.Tx, model.Document, *model.Scores) error {
		time.Sleep(5 * time.Millisecond)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKillAndResumeAnalyze SIGKILLs an analyze midway, then resumes it:
// every document ends up scored exactly once, with all its sentences.
func TestKillAndResumeAnalyze(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	db, p := seedDB(t, 400)
	db.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestAnalyzeHelperProcess$")
	cmd.Env = append(os.Environ(), "XENOSCOPE_TEST_ANALYZE_DB="+p)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	deadline := time.Now().Add(60 * time.Second)
	scored := 0
	for time.Now().Before(deadline) {
		scored = countRows(t, db, `SELECT count(*) FROM doc_scores`)
		if scored >= 50 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	before := countRows(t, db, `SELECT count(*) FROM doc_scores`)
	if before < 50 || before >= 400 {
		t.Fatalf("killed child left %d scored documents; want a partial run", before)
	}
	s := newTestScorer(t)
	st, err := AnalyzeDB(ctx, db, s, AnalyzeOptions{BatchSize: 32})
	if err != nil {
		t.Fatal(err)
	}
	if st.Scored != 400-before {
		t.Errorf("resume scored %d, want %d", st.Scored, 400-before)
	}
	if n := countRows(t, db, `SELECT count(*) FROM doc_scores WHERE model = ?`, s.Version()); n != 400 {
		t.Fatalf("%d documents scored, want 400", n)
	}
	if a, b := countRows(t, db, `SELECT count(*) FROM sentence_scores`), countRows(t, db, `SELECT sum(sentences) FROM doc_scores`); a != b {
		t.Fatalf("sentence_scores %d rows, doc_scores says %d sentences", a, b)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}
