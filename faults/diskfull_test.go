package faults

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/pipeline"
	"github.com/xenoscope/xenoscope/store"
)

// tinyDisk mounts a tmpfs of size bytes on a fresh directory and returns
// it with a function that resizes it. It skips the test where mounting is
// not allowed (not root, no tmpfs, a container without CAP_SYS_ADMIN).
func tinyDisk(t *testing.T, size string) (dir string, resize func(size string)) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("full-disk test needs root to mount a tiny tmpfs")
	}
	dir = t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s); full-disk test skipped", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir, func(size string) {
		t.Helper()
		if out, err := exec.Command("mount", "-o", "remount,size="+size, dir).CombinedOutput(); err != nil {
			t.Fatalf("remount: %v: %s", err, out)
		}
	}
}

// TestDiskFull runs a crawl into a database on a disk too small for it. The
// run must stop with a clear "disk full" error; what it committed must be
// whole (every stored document complete, integrity_check ok); and once
// there is room, a rerun completes with every article stored exactly once.
func TestDiskFull(t *testing.T) {
	dir, resize := tinyDisk(t, "2m")
	d, cfgPath := smallDemo(t, 40) // ~360 pages, a few MB with raw HTML
	dbPath := filepath.Join(dir, "x.db")
	ctx := context.Background()

	res, err := pipeline.Run(ctx, loadConfig(t, cfgPath), dbPath, filepath.Join(dir, "report"), pipeline.Options{})
	if err == nil {
		t.Fatalf("run on a full disk succeeded: %+v", res)
	}
	if !errors.Is(err, store.ErrDiskFull) {
		t.Fatalf("error does not say the disk is full: %v", err)
	}
	t.Logf("error on a full disk: %v", err)

	// Make room to read (the WAL needs space to open), then check what
	// was committed is whole.
	resize("64m")
	db := openDB(t, dbPath)
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatalf("after disk full: %v", err)
	}
	n, err := db.CountDocuments(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	total := len(corpusURLs(d))
	if n == 0 || n >= total {
		t.Fatalf("%d of %d documents stored before the disk filled: the disk was not the limit", n, total)
	}
	t.Logf("%d of %d documents were committed before the disk filled", n, total)
	if _, err := crawl.Run(ctx, db, loadConfig(t, cfgPath), crawl.Options{}); err != nil {
		t.Fatalf("rerun with room: %v", err)
	}
	checkStored(t, db, d)
}
