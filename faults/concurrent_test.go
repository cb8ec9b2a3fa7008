package faults

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/cli"
	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

// TestReadersWhileCrawlWrites reads the database — indicators, an export
// scan, and the `indicators`, `export` and `report` commands where they
// exist — in a loop while a crawl commits pages. No reader may see
// "database is locked" (SQLITE_BUSY) or any other error.
func TestReadersWhileCrawlWrites(t *testing.T) {
	d, cfgPath := smallDemo(t, 30)
	dbPath := filepath.Join(t.TempDir(), "x.db")
	db := openDB(t, dbPath)
	ctx := context.Background()

	var crawlErr error
	done := make(chan struct{})
	var pages atomic.Int64
	go func() {
		defer close(done)
		_, crawlErr = crawl.Run(ctx, db, loadConfig(t, cfgPath), crawl.Options{
			// Slow the writer down a little so the readers overlap it.
			AfterPage: func(string, string) { pages.Add(1); time.Sleep(2 * time.Millisecond) },
		})
	}()

	var mu sync.Mutex
	var errs []string
	fail := func(who string, err error) {
		mu.Lock()
		errs = append(errs, who+": "+err.Error())
		mu.Unlock()
	}
	var reads [5]atomic.Int64
	var wg sync.WaitGroup
	loop := func(i int, who string, f func() error) {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := f(); err != nil {
					fail(who, err)
					return
				}
				reads[i].Add(1)
			}
		})
	}
	loop(0, "indicators.Compute", func() error {
		_, err := indicators.Compute(ctx, db, indicators.Query{Resamples: 50})
		return err
	})
	loop(1, "export scan", func() error {
		n := 0
		return db.EachDocument(ctx, store.DocumentFilter{}, func(*model.Document) error { n++; return nil })
	})
	// The commands open their own connections, as a user's second shell
	// would.
	for i, args := range [][]string{
		{"indicators", "-db", dbPath, "-format", "csv"},
		{"export", "-db", dbPath, "-format", "jsonl"},
		{"report", "-db", dbPath, "-out", filepath.Join(t.TempDir(), "report"), "-min-n", "1"},
	} {
		if !commandExists(args[0]) {
			t.Logf("command %q not in this build: not exercised", args[0])
			continue
		}
		loop(2+i, "xenoscope "+args[0], func() error {
			var out, errb bytes.Buffer
			if code := cli.Run(ctx, args, nil, &out, &errb); code != 0 {
				if strings.Contains(errb.String(), "no documents") {
					return nil // the crawl has not stored its first document yet
				}
				return &cmdError{code, errb.String()}
			}
			return nil
		})
	}
	<-done
	wg.Wait()
	if crawlErr != nil {
		t.Fatalf("crawl: %v", crawlErr)
	}
	for _, e := range errs {
		if strings.Contains(strings.ToLower(e), "locked") || strings.Contains(strings.ToLower(e), "busy") {
			t.Errorf("reader saw the writer's lock: %s", e)
		} else {
			t.Errorf("reader failed: %s", e)
		}
	}
	if reads[0].Load() < 2 || reads[1].Load() < 2 {
		t.Errorf("readers ran %d and %d times during the crawl: no real overlap", reads[0].Load(), reads[1].Load())
	}
	t.Logf("during a crawl of %d pages: %d indicator computations, %d export scans, %d/%d/%d indicators/export/report command runs",
		pages.Load(), reads[0].Load(), reads[1].Load(), reads[2].Load(), reads[3].Load(), reads[4].Load())
	checkStored(t, db, d)
}

type cmdError struct {
	code   int
	stderr string
}

func (e *cmdError) Error() string { return fmt.Sprintf("exit %d: %s", e.code, e.stderr) }

// commandExists reports whether the CLI has a subcommand (other helpers'
// commands land independently).
func commandExists(name string) bool {
	var out, errb bytes.Buffer
	cli.Run(context.Background(), []string{"-h"}, nil, &out, &errb)
	for _, line := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == name {
			return true
		}
	}
	return false
}
