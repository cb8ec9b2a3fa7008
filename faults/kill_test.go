package faults

import (
	"bufio"
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/cli"
	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/store"
)

// childEnv switches the test binary into a child mode (see TestMain): the
// child runs one stage against XENOSCOPE_FAULT_DB and prints one line per
// committed unit of work on stdout, so the parent can SIGKILL it at a
// known point.
const childEnv = "XENOSCOPE_FAULT_CHILD"

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode == "cli" {
		// The xenoscope binary: main's signal handling, then the CLI.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := cli.Run(ctx, strings.Split(os.Getenv("XENOSCOPE_FAULT_ARGS"), "\x1f"), os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	} else if mode != "" {
		os.Exit(child(mode))
	}
	os.Exit(m.Run())
}

func child(mode string) int {
	ctx := context.Background()
	db, err := store.Open(ctx, os.Getenv("XENOSCOPE_FAULT_DB"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer db.Close()
	out := bufio.NewWriter(os.Stdout)
	in := bufio.NewScanner(os.Stdin)
	var mu sync.Mutex
	// Lockstep: report a unit, then wait for the parent's go-ahead, so the
	// parent's SIGKILL lands at a known point with work in flight.
	tick := func() {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintln(out, "unit")
		out.Flush()
		in.Scan()
	}
	switch mode {
	case "crawl":
		cfg, err := loadConfigFile(os.Getenv("XENOSCOPE_FAULT_CONFIG"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		_, err = crawl.Run(ctx, db, cfg, crawl.Options{AfterPage: func(string, string) { tick() }})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	case "analyze":
		if err := childAnalyze(ctx, db, tick); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown child mode", mode)
		return 2
	}
	fmt.Fprintln(out, "done")
	out.Flush()
	return 0
}

// killAfter runs the test binary in mode and SIGKILLs it after it reports
// n units of work. It returns how many units it saw and whether the child
// finished by itself before the kill.
func killAfter(t *testing.T, mode, dbPath, cfgPath string, n int) (units int, finished bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, "XENOSCOPE_FAULT_DB="+dbPath, "XENOSCOPE_FAULT_CONFIG="+cfgPath)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if sc.Text() == "done" {
			finished = true
			break
		}
		units++
		if units == n {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break
		}
		fmt.Fprintln(stdin, "go")
	}
	go func() { // drain so the child never blocks on a full pipe
		for sc.Scan() {
		}
	}()
	werr := cmd.Wait()
	if !finished {
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("child %s did not die of SIGKILL: %v\n%s", mode, werr, stderr.String())
		}
	} else if werr != nil {
		t.Fatalf("child %s: %v\n%s", mode, werr, stderr.String())
	}
	return units, finished
}

// TestKillDuringCrawl SIGKILLs a crawl after some pages are committed,
// reruns it, and checks that every served article is stored exactly once
// with its full text and that the file passes PRAGMA integrity_check.
func TestKillDuringCrawl(t *testing.T) {
	d, cfgPath := smallDemo(t, 12)
	dbPath := filepath.Join(t.TempDir(), "x.db")
	total := len(corpusURLs(d))
	// Kill twice at different points, then let a third run finish.
	for _, n := range []int{total / 4, total / 2} {
		units, finished := killAfter(t, "crawl", dbPath, cfgPath, n)
		if finished {
			t.Fatalf("crawl finished after %d pages before it could be killed", units)
		}
		db := openDB(t, dbPath)
		if err := db.IntegrityCheck(context.Background()); err != nil {
			t.Fatalf("after SIGKILL: %v", err)
		}
		stored, err := db.CountDocuments(context.Background(), store.DocumentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if stored == 0 || stored >= total {
			t.Fatalf("after SIGKILL at %d pages: %d of %d documents stored; the kill did not interrupt the crawl", n, stored, total)
		}
		db.Close()
	}
	db := openDB(t, dbPath)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := crawl.Run(ctx, db, loadConfig(t, cfgPath), crawl.Options{}); err != nil {
		t.Fatalf("rerun after kills: %v", err)
	}
	checkStored(t, db, d)
}

// tableCounts counts the rows analyze writes.
func tableCounts(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tbl := range []string{"documents", "doc_scores", "sentence_scores", "mentions", "statements"} {
		var n int
		if err := db.R.QueryRow("SELECT count(*) FROM " + tbl).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	return out
}

// TestKillDuringAnalyze SIGKILLs analyze while a batch transaction is open
// (two batches committed), reruns it, and compares every table analyze
// writes with a clean, uninterrupted analyze of the same documents: nothing
// lost, nothing doubled, integrity ok.
func TestKillDuringAnalyze(t *testing.T) {
	_, cfgPath := smallDemo(t, 8)
	dir := t.TempDir()
	dbPath, refPath := filepath.Join(dir, "x.db"), filepath.Join(dir, "ref.db")
	ctx := context.Background()
	db := openDB(t, dbPath)
	if _, err := crawl.Run(ctx, db, loadConfig(t, cfgPath), crawl.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.W.ExecContext(ctx, "VACUUM INTO ?", refPath); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// The reference: the same documents analyzed without interruption.
	ref := openDB(t, refPath)
	if _, err := analyzeDB(ctx, ref, 16, nil); err != nil {
		t.Fatal(err)
	}
	want := tableCounts(t, ref)
	if want["doc_scores"] != want["documents"] || want["statements"] == 0 {
		t.Fatalf("reference analyze: %v", want)
	}

	// Batches of 16: kill in the third batch, with its transaction open.
	units, finished := killAfter(t, "analyze", dbPath, cfgPath, 40)
	if finished {
		t.Fatalf("analyze finished after %d documents before it could be killed", units)
	}
	db = openDB(t, dbPath)
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatalf("after SIGKILL: %v", err)
	}
	mid := tableCounts(t, db)
	if mid["doc_scores"] != 32 {
		t.Errorf("after SIGKILL in the third batch: %d documents scored, want the 32 of two committed batches", mid["doc_scores"])
	}
	st, err := analyzeDB(ctx, db, 16, nil)
	if err != nil {
		t.Fatalf("rerun: %v", err)
	}
	if st.Scored != want["documents"]-mid["doc_scores"] {
		t.Errorf("rerun scored %d, want the %d left", st.Scored, want["documents"]-mid["doc_scores"])
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	if got := tableCounts(t, db); !maps.Equal(got, want) {
		t.Errorf("after kill and rerun: %v\nuninterrupted:        %v", got, want)
	}
}
