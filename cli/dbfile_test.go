package cli

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/pipeline"
	"github.com/xenoscope/xenoscope/store"
	"github.com/xenoscope/xenoscope/store/storetest"
)

// readCommands only read the database (issue 13 point 7).
var readCommands = [][]string{
	{"indicators"},
	{"report", "-out", "REPORT"},
	{"export"},
	{"figures"},
	{"cities"},
}

func fileSum(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// scoredDB is a small database with scored documents, closed and with its
// WAL folded in, so that the file alone is the database.
func scoredDB(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "x.db")
	f := storetest.Open(t, p)
	pub := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 25; i++ {
		d := f.Doc(storetest.Doc{City: "Leeds", Source: "post", Text: fmt.Sprintf("Story %d about the council.", i), Published: pub})
		f.Scores(d.ID, model.Scores{Model: "m1", Migration: float64(i%2) * 0.9, Words: 5, Sentences: 1})
	}
	if _, err := f.W.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

func readArgs(cmd []string, db, dir string) []string {
	args := append([]string(nil), cmd...)
	for i, a := range args {
		if a == "REPORT" {
			args[i] = filepath.Join(dir, "report")
		}
	}
	return append(args, "-db", db)
}

// A read command given an empty file refuses it (with a hint) and leaves
// it empty: it used to turn it into a database.
func TestReadCommandsRefuseEmptyFile(t *testing.T) {
	t.Parallel()
	for _, cmd := range readCommands {
		t.Run(cmd[0], func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			p := filepath.Join(dir, "empty.db")
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, errOut := runCLI(t, "", readArgs(cmd, p, dir)...)
			if code != ExitError || !strings.Contains(errOut, "empty file") || !strings.Contains(errOut, "hint: ") {
				t.Errorf("exit %d, stderr:\n%s", code, errOut)
			}
			if st, err := os.Stat(p); err != nil || st.Size() != 0 {
				t.Errorf("the empty file was written: %v %v", st, err)
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(p + side); err == nil {
					t.Errorf("%s created", side)
				}
			}
		})
	}
}

// TestReadOnlyHelper is not a test: TestReadCommandsOnReadOnlyDatabase runs
// the test binary as an unprivileged user with XENOSCOPE_RO_HELPER set.
func TestReadOnlyHelper(t *testing.T) {
	args := os.Getenv("XENOSCOPE_RO_HELPER")
	if args == "" {
		t.Skip("helper process for TestReadCommandsOnReadOnlyDatabase")
	}
	code := Run(context.Background(), strings.Split(args, "\x1f"), strings.NewReader(""), io.Discard, os.Stderr)
	os.Exit(code)
}

// Reading commands work on a database whose file and directory are
// read-only (they used to fail with "attempt to write a readonly
// database"), and change nothing; a writing command says why it cannot.
// As root, permissions do not bind: the commands then run as user nobody.
func TestReadCommandsOnReadOnlyDatabase(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	dir := filepath.Join(root, "ro")
	out := filepath.Join(root, "out")
	for _, d := range []string{dir, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	p := scoredDB(t, dir)
	before := fileSum(t, p)
	var bin string
	asNobody := os.Geteuid() == 0
	if asNobody {
		// The test binary, where user nobody can run it.
		bin = filepath.Join(root, "cli.test")
		b, err := os.ReadFile(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin, b, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{filepath.Dir(root), root, out} {
			os.Chmod(d, 0o777)
		}
		os.Chmod(out, 0o777)
	}
	os.Chmod(p, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	run := func(args ...string) (int, string) {
		if !asNobody {
			code, _, errOut := runCLI(t, "", args...)
			return code, errOut
		}
		cmd := exec.Command(bin, "-test.run=^TestReadOnlyHelper$")
		cmd.Env = append(os.Environ(), "XENOSCOPE_RO_HELPER="+strings.Join(args, "\x1f"), "HOME="+out)
		cmd.Dir = out
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		b, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), string(b)
		}
		if err != nil {
			t.Fatalf("run as nobody: %v\n%s", err, b)
		}
		return 0, string(b)
	}
	for _, cmd := range readCommands {
		args := readArgs(cmd, p, out)
		if code, errOut := run(args...); code != ExitOK {
			t.Errorf("%s on a read-only database: exit %d\n%s", cmd[0], code, errOut)
		}
	}
	if after := fileSum(t, p); after != before {
		t.Error("a read command changed the database file")
	}
	code, errOut := run("analyze", "-db", p)
	if code != ExitError || !strings.Contains(errOut, "hint: ") {
		t.Errorf("analyze on a read-only database: exit %d\n%s", code, errOut)
	}
}

// analyze refuses a database that fails PRAGMA integrity_check, writes
// nothing and exits 1 with a hint (it used to write and exit 0).
func TestAnalyzeRefusesDamagedDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := scoredDB(t, dir)
	f := storetest.Open(t, p)
	f.Docs(make([]storetest.Doc, 300)...) // enough pages to damage one in the middle
	f.W.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	f.Close()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	pages := len(b) / 4096
	pg := pages * 2 / 3
	for i := pg * 4096; i < (pg+1)*4096; i++ {
		b[i] = byte(i * 7)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, p)
	code, _, errOut := runCLI(t, "", "analyze", "-db", p)
	if code != ExitError || !strings.Contains(errOut, "damaged") || !strings.Contains(errOut, "hint: ") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if fileSum(t, p) != before {
		t.Error("analyze wrote into a damaged database")
	}
}

// -resamples is bounded (2,000,000,000 was accepted and killed the process
// for memory).
func TestResamplesBounded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := scoredDB(t, dir)
	for _, args := range [][]string{
		{"indicators", "-db", p, "-resamples", "2000000000"},
		{"report", "-db", p, "-out", filepath.Join(dir, "r"), "-resamples", "2000000000"},
	} {
		code, _, errOut := runCLI(t, "", args...)
		if code != ExitError || !strings.Contains(errOut, "-resamples must be between 1 and 100000") || !strings.Contains(errOut, "hint: ") {
			t.Errorf("%s: exit %d, stderr:\n%s", args[0], code, errOut)
		}
	}
}

// Every error the store and the run sequence return to a command is
// printed with a hint line.
func TestStoreErrorsHaveHints(t *testing.T) {
	t.Parallel()
	for _, err := range []error{store.ErrNotDatabase, store.ErrForeign, store.ErrNewerSchema, store.ErrOldSchema,
		store.ErrReadOnly, store.ErrDiskFull, store.ErrCrawlRunning, store.ErrEmptyFile, pipeline.ErrLocked,
		pipeline.ErrInterrupted, context.Canceled, errors.New("something else")} {
		var e strings.Builder
		code := report(&e, "analyze", fmt.Errorf("open database x.db: %w", err))
		lines := strings.Split(strings.TrimSpace(e.String()), "\n")
		if code != ExitError || len(lines) != 2 || !strings.HasPrefix(lines[0], "error: ") || !strings.HasPrefix(lines[1], "hint: ") {
			t.Errorf("%v: exit %d, printed %q", err, code, e.String())
		}
	}
}
