package cli

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/store/storetest"
)

// export streams: exporting 80 MB of text never holds more than a
// fraction of it in memory.
func TestExportStreamsInConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("inserts 20,000 documents")
	}
	f := storetest.New(t)
	dbPath := f.Path
	const n, size = 20000, 4096
	body := strings.Repeat("word ", size/5)
	docs := make([]storetest.Doc, n)
	for i := range docs {
		docs[i] = storetest.Doc{City: "Big", Source: "S", URL: fmt.Sprintf("https://s.example/%d", i), Text: fmt.Sprintf("%d %s", i, body)}
	}
	f.Docs(docs...)
	f.Close()
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
	code := Run(context.Background(), []string{"export", "-db", dbPath, "-format", "csv"}, strings.NewReader(""), cw, io.Discard)
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
