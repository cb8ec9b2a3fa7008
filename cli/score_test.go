package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var o, e bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &o, &e)
	return code, o.String(), e.String()
}

func TestScoreCommand(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","text":"Mayor Jane Doe said: \"We welcome refugees, they contribute to our city.\" Critics called migrants an invasion of vermin."}`,
		`not json`,
		`{"id":2,"text":""}`,
		``,
		`{"text":"no id"}`,
		`{"id":"c","text":"These invaders are vermin, send them all back!"}`,
		`{"id":"d"}`,
	}, "\n")
	code, out, errOut := runCLI(t, in, "score", "-workers", "3")
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d (partial); stderr: %s", code, ExitPartial, errOut)
	}
	for _, want := range []string{"line 2:", "line 5:", `line 7: missing "text"`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q: %s", want, errOut)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d output lines, want 3:\n%s", len(lines), out)
	}
	var ids []string
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"id", "migration", "anti_migrant", "counter_speech", "stance", "populism", "populist_sentences",
			"tone", "hate_crime_report", "mentions", "quotes", "evidence", "model"} {
			if _, ok := m[f]; !ok {
				t.Errorf("output line lacks %q: %s", f, l)
			}
		}
		ids = append(ids, m["id"].(string))
	}
	if strings.Join(ids, ",") != "a,2,c" {
		t.Errorf("ids in order %v, want a,2,c", ids)
	}
	var c struct {
		AntiMigrant float64 `json:"anti_migrant"`
		Evidence    []struct {
			Score string `json:"score"`
			Text  string `json:"text"`
		} `json:"evidence"`
	}
	json.Unmarshal([]byte(lines[2]), &c)
	if c.AntiMigrant < 0.5 || len(c.Evidence) == 0 {
		t.Errorf("hostile line: %s", lines[2])
	}
}

// A 10 MB text on one line works (no Scanner line limit) and keeps memory sane.
func TestScoreHugeText(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	para := "The council met on Tuesday to discuss the new library budget and the bus timetable. "
	var b strings.Builder
	for b.Len() < 10<<20 {
		b.WriteString(para)
	}
	line, _ := json.Marshal(map[string]string{"id": "big", "text": b.String()})
	p := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(p, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "score", "-in", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var m struct {
		ID        string  `json:"id"`
		Migration float64 `json:"migration"`
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil || m.ID != "big" || m.Migration >= 0.5 {
		t.Fatalf("huge text: %v %+v", err, m)
	}
}

func TestScoreUsageErrors(t *testing.T) {
	if code, _, e := runCLI(t, "", "score", "-in", "/nonexistent/x.jsonl"); code != ExitError || !strings.Contains(e, "error:") {
		t.Errorf("missing file: exit %d %s", code, e)
	}
	if code, _, _ := runCLI(t, "", "score", "extra"); code != ExitError {
		t.Errorf("extra arg: exit %d", code)
	}
}
