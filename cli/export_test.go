package cli

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/store"
)

// export streams: exporting 80 MB of text never holds more than a
// fraction of it in memory.
func TestExportStreamsInConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("inserts 20,000 documents")
	}
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "x.db")
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse("c.toml", []byte("[[city]]\nname = \"Big\"\n[[city.source]]\nname = \"S\"\nseeds = [\"https://s.example/\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	ids, err := db.SyncConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	const n, size = 20000, 4096
	body := strings.Repeat("word ", size/5)
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.Prepare(`INSERT INTO documents(url, source_id, text, fetched_at, content_hash) VALUES (?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			if _, err := st.Exec(fmt.Sprintf("https://s.example/%d", i), ids[store.SourceRef{City: "Big", Source: "S"}],
				fmt.Sprintf("%d %s", i, body), "2026-01-01T00:00:00Z", fmt.Sprint(i)); err != nil {
				return err
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Collect garbage eagerly, so that the heap measures what export
	// holds, not what the collector has not reclaimed yet.
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	runtime.GC()
	var ms0 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	base := ms0.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > peak.Load() {
					peak.Store(ms.HeapAlloc)
				}
			}
		}
	}()
	cw := &countWriter{}
	code := Run(ctx, []string{"export", "-db", dbPath, "-format", "csv"}, strings.NewReader(""), cw, io.Discard)
	close(stop)
	if code != ExitOK || cw.lines.Load() < n {
		t.Fatalf("export exit %d, %d lines", code, cw.lines.Load())
	}
	total := uint64(n * size)
	grew := int64(peak.Load()) - int64(base)
	t.Logf("exported %d MB; heap %d MB before, peak growth %d MB", cw.bytes.Load()>>20, base>>20, grew>>20)
	if grew > int64(total/4) {
		t.Errorf("heap grew by %d MB while exporting %d MB: not streaming", grew>>20, total>>20)
	}
}

type countWriter struct{ bytes, lines atomic.Int64 }

func (w *countWriter) Write(p []byte) (int, error) {
	w.bytes.Add(int64(len(p)))
	w.lines.Add(int64(strings.Count(string(p), "\n")))
	return len(p), nil
}
