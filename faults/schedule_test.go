package faults

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestScheduleSIGTERM runs `xenoscope schedule` as a real process with
// JSON logs, lets one run finish, then sends SIGTERM during the next run's
// crawl. The daemon must checkpoint (the crawl run is recorded as
// interrupted), log that it stopped, and exit 0 promptly; every log line
// must be JSON; the database must pass integrity_check.
func TestScheduleSIGTERM(t *testing.T) {
	d, cfgPath := smallDemo(t, 30)
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "x.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=cli", "XENOSCOPE_FAULT_ARGS="+strings.Join([]string{
		"schedule", "-config", cfgPath, "-db", dbPath, "-out", filepath.Join(dir, "report"),
		"-cron", "@every 1s", "-run-now", "-log-format", "json", "-v", "-min-n", "2", "-max-pages", "40"}, "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	lines := make(chan map[string]any, 100)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Errorf("log line is not JSON: %q", sc.Text())
				continue
			}
			lines <- m
		}
		close(lines)
	}()
	go func() { done <- cmd.Wait() }()

	deadline := time.After(90 * time.Second)
	runsDone, signalled := 0, false
	var sigAt time.Time
	var msgs []string
	for !signalled || lines != nil {
		select {
		case m, ok := <-lines:
			if !ok {
				lines = nil
				if !signalled {
					t.Fatalf("schedule exited before it could be signalled: %v; log messages: %v", <-done, msgs)
				}
				continue
			}
			msg, _ := m["msg"].(string)
			msgs = append(msgs, msg)
			if msg == "run done" || msg == "run partial: some sources failed" {
				runsDone++
			}
			// SIGTERM in the middle of a crawl of the second (or later) run,
			// once the crawl run is recorded and the frontier seeded (the
			// crawl's debug line "frontier requeued"); -max-pages 40 leaves
			// pages for every run.
			if runsDone >= 1 && !signalled && msg == "frontier requeued" {
				cmd.Process.Signal(syscall.SIGTERM)
				signalled, sigAt = true, time.Now()
			}
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("schedule did not behave within 90s; log messages: %v", msgs)
		}
	}
	err = <-done
	if err != nil {
		t.Fatalf("schedule exited with %v after SIGTERM; log messages: %v", err, msgs)
	}
	if took := time.Since(sigAt); took > 20*time.Second {
		t.Errorf("shutdown took %s", took)
	}
	joined := strings.Join(msgs, "|")
	for _, want := range []string{"scheduler started", "shutdown requested", "scheduler stopped"} {
		if !strings.Contains(joined, want) {
			t.Errorf("log lacks %q: %v", want, msgs)
		}
	}
	db := openDB(t, dbPath)
	if err := db.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	var interrupted int
	if err := db.R.QueryRow("SELECT count(*) FROM crawl_runs WHERE status = 'interrupted'").Scan(&interrupted); err != nil {
		t.Fatal(err)
	}
	if interrupted != 1 || !strings.Contains(joined, "stage interrupted") {
		t.Errorf("the crawl cut by SIGTERM was not checkpointed as interrupted (%d interrupted runs); log: %v", interrupted, msgs)
	}
	_ = d
}
