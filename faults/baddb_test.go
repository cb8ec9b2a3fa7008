package faults

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"github.com/xenoscope/xenoscope/cli"
	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/pipeline"
	"github.com/xenoscope/xenoscope/store"
)

// TestBadDatabaseFiles: `xenoscope run` on a file that is not a usable
// xenoscope database fails with a clear message, exit code 1, writes no
// report, and leaves the file byte for byte as it was.
func TestBadDatabaseFiles(t *testing.T) {
	d, cfgPath := smallDemo(t, 3)
	ctx := context.Background()

	// A real, crawled xenoscope database to corrupt.
	good := filepath.Join(t.TempDir(), "good.db")
	{
		db := openDB(t, good)
		if _, err := crawl.Run(ctx, db, loadConfig(t, cfgPath), crawl.Options{}); err != nil {
			t.Fatal(err)
		}
		// Fold the WAL into the main file so the file alone is the database.
		if _, err := db.W.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	_ = d

	cases := []struct {
		name    string
		make    func(t *testing.T, p string)
		wantErr error
		wantMsg string
	}{
		{"random bytes", func(t *testing.T, p string) {
			b := make([]byte, 64<<10)
			r := rand.New(rand.NewPCG(1, 2))
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			os.WriteFile(p, b, 0o644)
		}, store.ErrNotDatabase, "not an SQLite database"},
		{"text file", func(t *testing.T, p string) {
			os.WriteFile(p, []byte("name,city\nAna,Riverton\n"), 0o644)
		}, store.ErrNotDatabase, "not an SQLite database"},
		{"foreign sqlite", func(t *testing.T, p string) {
			db, err := sql.Open("sqlite3", p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos VALUES (1, 'a.jpg')"); err != nil {
				t.Fatal(err)
			}
		}, store.ErrForeign, "another program"},
		{"newer schema", func(t *testing.T, p string) {
			copyFile(t, good, p)
			db, err := sql.Open("sqlite3", p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
				t.Fatal(err)
			}
		}, store.ErrNewerSchema, "newer xenoscope"},
		{"corrupt pages", func(t *testing.T, p string) {
			copyFile(t, good, p)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			// Keep the header page; overwrite the rest of the file with
			// garbage so every table's b-tree is broken.
			r := rand.New(rand.NewPCG(3, 4))
			for i := 4096; i < len(b); i++ {
				b[i] = byte(r.Uint32())
			}
			os.WriteFile(p, b, 0o644)
		}, store.ErrNotDatabase, "corrupt"},
		{"one corrupt page in the middle", func(t *testing.T, p string) {
			copyFile(t, good, p)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			// The schema (page 1 and the first pages) stays readable, so
			// the file opens; one page of document data is garbage.
			pages := len(b) / 4096
			if pages < 6 {
				t.Fatalf("test database too small: %d pages", pages)
			}
			pg := pages * 2 / 3
			r := rand.New(rand.NewPCG(5, 6))
			for i := pg * 4096; i < (pg+1)*4096; i++ {
				b[i] = byte(r.Uint32())
			}
			os.WriteFile(p, b, 0o644)
		}, store.ErrNotDatabase, "corrupt"},
		{"truncated", func(t *testing.T, p string) {
			copyFile(t, good, p)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)/3], 0o644)
		}, store.ErrNotDatabase, "corrupt"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "x.db")
			tc.make(t, p)
			before := fileHash(t, p)
			out := filepath.Join(dir, "report")

			// The library error is the sentinel callers test.
			_, err := pipeline.Run(ctx, loadConfig(t, cfgPath), p, out, pipeline.Options{})
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("pipeline.Run: error %v, want %v", err, tc.wantErr)
			}

			// The command says so plainly and exits 1.
			var stdout, stderr bytes.Buffer
			code := cli.Run(ctx, []string{"run", "-config", cfgPath, "-db", p, "-out", out}, nil, &stdout, &stderr)
			t.Logf("stderr: %s", stderr.String())
			if code != cli.ExitError {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, cli.ExitError, stderr.String())
			}
			if !contains(stderr.String(), tc.wantMsg) || !strings.Contains(stderr.String(), p) {
				t.Errorf("stderr does not name the file and say %q:\n%s", tc.wantMsg, stderr.String())
			}
			if after := fileHash(t, p); after != before {
				t.Errorf("the database file was modified")
			}
			for _, side := range []string{"-wal", "-journal"} {
				if st, err := os.Stat(p + side); err == nil && st.Size() > 0 {
					t.Errorf("%s%s left behind (%d bytes)", p, side, st.Size())
				}
			}
			if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
				t.Errorf("a report was written from a bad database")
			}
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
