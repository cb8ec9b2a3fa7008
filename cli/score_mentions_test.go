package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/figures"
	"github.com/xenoscope/xenoscope/figures/nertrain"
	"github.com/xenoscope/xenoscope/internal/shareddata"
	"github.com/xenoscope/xenoscope/model"
)

// TestScoreMentionsCoNLLTesta runs `xenoscope score` on eng.testa, one
// sentence per JSON line, and checks that its mentions are exactly those
// of figures.Find (what TestMentionsCoNLLTesta measures), then scores them
// by exact PER span: the figure docs/figures.md reports for `score`.
func TestScoreMentionsCoNLLTesta(t *testing.T) {
	t.Parallel()
	f, err := os.Open(shareddata.Require(t, "ner", "eng.testa"))
	if err != nil {
		t.Fatal(err)
	}
	sents, err := nertrain.ReadCoNLL(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var in strings.Builder
	texts := make([]string, len(sents))
	offs := make([][][2]int, len(sents))
	for i, s := range sents {
		texts[i], offs[i] = nertrain.JoinWords(s.Words)
		line, _ := json.Marshal(map[string]any{"id": i, "text": texts[i]})
		in.Write(line)
		in.WriteByte('\n')
	}
	code, out, errOut := runFiguresCLI(t, in.String(), "score", "-workers", "2")
	if code != ExitOK {
		t.Fatalf("score: exit %d: %s", code, errOut)
	}
	fd, err := figures.NewFinder(nil)
	if err != nil {
		t.Fatal(err)
	}
	var sc nertrain.Score
	sc2 := bufio.NewScanner(strings.NewReader(out))
	sc2.Buffer(make([]byte, 1<<20), 1<<20)
	i := 0
	for ; sc2.Scan(); i++ {
		var res struct {
			ID       string          `json:"id"`
			Mentions []model.Mention `json:"mentions"`
		}
		if err := json.Unmarshal(sc2.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		if res.ID != fmt.Sprint(i) {
			t.Fatalf("line %d has id %s: out of order", i, res.ID)
		}
		want, _ := fd.Find(texts[i], model.TextContext{Kind: model.KindNews})
		if len(want) != len(res.Mentions) {
			t.Fatalf("sentence %d: score gives %d mentions, Find %d: %q", i, len(res.Mentions), len(want), texts[i])
		}
		pred := make([][2]int, len(res.Mentions))
		for k, m := range res.Mentions {
			if m != want[k] {
				t.Fatalf("sentence %d: score mention %+v, Find %+v", i, m, want[k])
			}
			pred[k] = [2]int{m.Start, m.End}
		}
		sc.Add(sents[i].Tags, offs[i], pred)
	}
	if i != len(sents) {
		t.Fatalf("score returned %d lines for %d sentences", i, len(sents))
	}
	t.Logf("eng.testa through `score`, one sentence per line: PER precision %.4f recall %.4f F1 %.4f", sc.Precision(), sc.Recall(), sc.F1())
	if sc.F1() < 0.90 {
		t.Errorf("PER F1 through score %.4f below 0.90", sc.F1())
	}
}
