package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/internal/shareddata"
)

func TestEvalCommandHatEval(t *testing.T) {
	p := shareddata.Require(t, "hateval", "en_dev.csv")
	code, out, errOut := runCLI(t, "", "eval", "-task", "anti_migrant", "-data", p, "-boot", "100", "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		Metric string  `json:"metric"`
		Value  float64 `json:"value"`
		Low    float64 `json:"ci95_low"`
		High   float64 `json:"ci95_high"`
		N      int     `json:"n"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	// the accuracy floors live in analyze/train (TestHeldOutFloors); here:
	// the command evaluates the migration part with a bootstrap interval
	if r.Metric != "macro_f1" || r.N < 400 || r.Value < 0.5 || !(r.Low <= r.Value && r.Value <= r.High) {
		t.Fatalf("eval result %+v", r)
	}
	code, out, _ = runCLI(t, "", "eval", "-task", "anti_migrant", "-data", p, "-boot", "100", "-baseline")
	if code != 0 || !strings.Contains(out, "keyword-baseline") {
		t.Fatalf("baseline: exit %d %s", code, out)
	}
}

func TestTrainUserCSVThenScoreAndEval(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("text,label\n")
	pos := []string{"these people are a plague on our town", "get these invaders out now", "they are vermin and must go", "kick them all out of our country", "disgusting parasites, deport them"}
	neg := []string{"the library opens at nine", "the council met to discuss the budget", "new families joined the school this term", "the weather was mild and sunny", "volunteers cleaned the park on Sunday"}
	for i := 0; i < 6; i++ {
		for _, s := range pos {
			fmt.Fprintf(&b, "\"%s %d\",1\n", s, i)
		}
		for _, s := range neg {
			fmt.Fprintf(&b, "\"%s %d\",0\n", s, i)
		}
	}
	data := filepath.Join(dir, "mine.csv")
	if err := os.WriteFile(data, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "anti.json")
	code, so, se := runCLI(t, "", "train", "-task", "anti_migrant", "-data", data, "-out", out)
	if code != 0 {
		t.Fatalf("train: exit %d %s %s", code, so, se)
	}
	code, so, se = runCLI(t, "", "eval", "-task", "anti_migrant", "-data", data, "-model", "anti_migrant="+out, "-json", "-boot", "50")
	if code != 0 {
		t.Fatalf("eval: exit %d %s", code, se)
	}
	var r struct {
		Value  float64 `json:"value"`
		Scorer string  `json:"scorer"`
	}
	json.Unmarshal([]byte(so), &r)
	if r.Value < 0.9 {
		t.Errorf("retrained model on its own training data: macro-F1 %.3f", r.Value)
	}
	code, so1, _ := runCLI(t, `{"id":"1","text":"the library opens at nine"}`, "score", "-model", "anti_migrant="+out)
	code2, so2, _ := runCLI(t, `{"id":"1","text":"the library opens at nine"}`, "score")
	if code != 0 || code2 != 0 {
		t.Fatalf("score exit %d %d", code, code2)
	}
	var m1, m2 struct{ Model string }
	json.Unmarshal([]byte(so1), &m1)
	json.Unmarshal([]byte(so2), &m2)
	if m1.Model == m2.Model || m1.Model == "" {
		t.Errorf("model version did not change with -model: %q vs %q", m1.Model, m2.Model)
	}
	// bad inputs
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("foo,bar\n1,2\n"), 0o644)
	if code, _, e := runCLI(t, "", "train", "-task", "anti_migrant", "-data", bad, "-out", out); code != ExitError || !strings.Contains(e, "text,label") {
		t.Errorf("bad csv: exit %d %s", code, e)
	}
	if code, _, e := runCLI(t, "", "eval", "-task", "nonsense", "-data", data); code != ExitError {
		t.Errorf("bad task: exit %d %s", code, e)
	}
}
