package faults

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/xenoscope/xenoscope/cli"
)

// The crontab line and the systemd units in docs/operations.md must work
// as written: these tests take them from the document itself.

func operationsDoc(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "docs", "operations.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func fenced(doc, lang string) []string {
	re := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```")
	var out []string
	for _, m := range re.FindAllStringSubmatch(doc, -1) {
		out = append(out, m[1])
	}
	return out
}

// docArgs turns a documented command line into xenoscope arguments with
// the documented paths moved into dir and the config replaced by cfgPath.
func docArgs(t *testing.T, line, dir, cfgPath string) []string {
	t.Helper()
	line = strings.ReplaceAll(line, "/etc/xenoscope/cities.toml", cfgPath)
	line = strings.ReplaceAll(line, "/var/lib/xenoscope", dir)
	var args []string
	fields := regexp.MustCompile(`"[^"]*"|\S+`).FindAllString(line, -1)
	for _, f := range fields {
		if strings.HasPrefix(f, ">") || strings.HasPrefix(f, "2>") {
			break // shell redirection
		}
		args = append(args, strings.Trim(f, `"`))
	}
	if len(args) == 0 || args[0] != "/usr/local/bin/xenoscope" {
		t.Fatalf("documented command does not start with /usr/local/bin/xenoscope: %q", line)
	}
	return args[1:]
}

func TestOperationsCrontabLine(t *testing.T) {
	blocks := fenced(operationsDoc(t), "crontab")
	if len(blocks) != 1 {
		t.Fatalf("%d crontab blocks in docs/operations.md, want 1", len(blocks))
	}
	line := strings.TrimSpace(blocks[0])
	f := strings.Fields(line)
	if _, err := cron.ParseStandard(strings.Join(f[:5], " ")); err != nil {
		t.Fatalf("crontab schedule %q: %v", strings.Join(f[:5], " "), err)
	}
	if strings.Contains(line, "%") {
		t.Errorf("crontab line holds %%, which cron turns into a newline")
	}
	_, cfgPath := smallDemo(t, 3)
	dir := t.TempDir()
	args := docArgs(t, strings.Join(f[5:], " "), dir, cfgPath)
	var stdout, stderr bytes.Buffer
	if code := cli.Run(context.Background(), args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("documented cron command exited %d:\n%s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "report", "index.html")); err != nil {
		t.Errorf("no report after the documented cron command: %v", err)
	}
	// JSON logs, as documented.
	if !strings.HasPrefix(strings.TrimSpace(stderr.String()), "{") {
		t.Errorf("-log-format json did not log JSON:\n%.500s", stderr.String())
	}
}

func TestOperationsSystemdUnits(t *testing.T) {
	doc := operationsDoc(t)
	units := fenced(doc, "ini")
	if len(units) < 3 {
		t.Fatalf("%d ini blocks in docs/operations.md, want service, timer and daemon service", len(units))
	}
	service, timer, daemon := units[0], units[1], units[2]
	_, cfgPath := smallDemo(t, 3)

	// The ExecStart lines run as written.
	for i, unit := range []string{service, daemon} {
		m := regexp.MustCompile(`(?m)^ExecStart=(.*)$`).FindStringSubmatch(unit)
		if m == nil {
			t.Fatalf("unit %d has no ExecStart", i)
		}
		dir := t.TempDir()
		args := docArgs(t, m[1], dir, cfgPath)
		ctx, cancel := context.WithCancel(context.Background())
		if args[0] == "schedule" {
			// The daemon: stop it as systemd would, with a cancel (SIGTERM
			// in main), once it is up.
			time.AfterFunc(500*time.Millisecond, cancel)
		}
		var stdout, stderr bytes.Buffer
		code := cli.Run(ctx, args, nil, &stdout, &stderr)
		cancel()
		if code != 0 {
			t.Fatalf("documented ExecStart %q exited %d:\n%s", args, code, stderr.String())
		}
		if args[0] == "run" {
			if _, err := os.Stat(filepath.Join(dir, "report", "index.html")); err != nil {
				t.Errorf("no report after the documented service: %v", err)
			}
		} else if !strings.Contains(stderr.String(), "scheduler stopped") {
			t.Errorf("daemon did not stop cleanly:\n%s", stderr.String())
		}
	}

	// systemd's own checker accepts the unit files.
	sa, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze not installed: unit syntax not verified")
	}
	dir := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// verify wants ExecStart's binary to exist: point it at an executable.
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(text, "/usr/local/bin/xenoscope", self)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	svc := write("xenoscope.service", service)
	tmr := write("xenoscope.timer", timer)
	out, err := exec.Command(sa, "verify", svc, tmr).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
	cal := regexp.MustCompile(`(?m)^OnCalendar=(.*)$`).FindStringSubmatch(timer)
	if cal == nil {
		t.Fatal("timer has no OnCalendar")
	}
	if out, err := exec.Command(sa, "calendar", cal[1]).CombinedOutput(); err != nil || !strings.Contains(string(out), "03:00:00") {
		t.Errorf("OnCalendar=%s: %v\n%s", cal[1], err, out)
	}
}
