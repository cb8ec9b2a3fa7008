package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestLock(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	unlock, err := Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	// A second holder (another open file description, as another process
	// would have) is refused at once, told who holds it.
	_, err = Lock(db)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "pid "+strconv.Itoa(os.Getpid())) || !strings.Contains(err.Error(), db+".lock") {
		t.Errorf("error does not name the holder and the lock file: %v", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	unlock2, err := Lock(db)
	if err != nil {
		t.Fatalf("Lock after unlock: %v", err)
	}
	unlock2()
	// A lock in a directory that does not exist is a plain error.
	if _, err := Lock(filepath.Join(t.TempDir(), "missing", "x.db")); err == nil || errors.Is(err, ErrLocked) {
		t.Errorf("Lock in a missing directory: %v", err)
	}
}

func TestPublishReplacesFiles(t *testing.T) {
	out := t.TempDir()
	os.MkdirAll(filepath.Join(out, "charts"), 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(out, "charts", "a.svg"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(out, "xenoscope.db"), []byte("db"), 0o644)
	tmp, err := reportTmp(out)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(tmp, "charts"), 0o755)
	os.WriteFile(filepath.Join(tmp, "index.html"), []byte("new"), 0o644)
	os.WriteFile(filepath.Join(tmp, "charts", "a.svg"), []byte("new"), 0o644)
	os.WriteFile(filepath.Join(tmp, "charts", "b.svg"), []byte("new"), 0o644)
	if err := publish(tmp, out); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]string{"index.html": "new", "charts/a.svg": "new", "charts/b.svg": "new", "xenoscope.db": "db"} {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil || string(b) != want {
			t.Errorf("%s = %q, %v; want %q", f, b, err, want)
		}
	}
}
