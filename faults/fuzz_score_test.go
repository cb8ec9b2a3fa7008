package faults

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/cli"
	"github.com/xenoscope/xenoscope/figures"
	"github.com/xenoscope/xenoscope/model"
)

// scoreLines are awkward `xenoscope score` inputs: mixed valid and
// malformed lines, odd ids, control characters, a long text.
var scoreLines = []string{
	`{"id": "1", "text": "Refugees are welcome in Riverton, said Mayor Ana Ruiz."}`,
	`{"id": 2, "text": "\"Send them back,\" said Councillor Gary Holt. The corrupt elite betrayed the people."}` + "\n" +
		`{"id": "3", "text": ""}`,
	`{"id": "4", "text": "Police are investigating racist graffiti on the mosque.", "city": "Lakeside", "kind": "statements", "speaker": "Mayor David Lindqvist"}`,
	"{\"id\": \"5\", \"text\": \"caf\u00e9 \u201cquoted\u201d \u00fcber na\u00efve \\u0000 \\ud800\"}",
	`{"id": "6"}` + "\n" + `not json` + "\n\n" + `{"text": "no id"}` + "\n" + `[1,2,3]`,
	`{"id": null, "text": 5}`,
	"{\"id\":\"7\",\"text\":\"" + strings.Repeat("They are flooding our town. ", 200) + "\"}",
}

// TestScoreCommandInput runs `xenoscope score` (which loads its models per
// process, ~1s, too slow to fuzz) on awkward input: it must exit 0, or 3
// when it skipped malformed lines (each reported on stderr); every output
// line is a JSON object with the documented fields in range; and when
// every input line is well-formed, every output's offsets index its own
// input text.
func TestScoreCommandInput(t *testing.T) {
	for i, s := range scoreLines {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkScoreCommand(t, []byte(s)) })
	}
}

func checkScoreCommand(t *testing.T, data []byte) {
	{
		var stdout, stderr bytes.Buffer
		code := cli.Run(context.Background(), []string{"score", "-workers", "2"}, bytes.NewReader(data), &stdout, &stderr)
		if code != cli.ExitOK && code != cli.ExitPartial {
			t.Fatalf("exit %d\nstderr: %s", code, stderr.String())
		}
		var nonblank []string
		for _, l := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(l) != "" {
				nonblank = append(nonblank, l)
			}
		}
		outLines := strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n")
		if stdout.Len() == 0 {
			outLines = nil
		}
		skipped := strings.Count(stderr.String(), "(skipped)")
		if len(outLines)+skipped != len(nonblank) {
			t.Fatalf("%d input lines, %d outputs + %d skipped\nstderr: %s", len(nonblank), len(outLines), skipped, stderr.String())
		}
		if (skipped > 0) != (code == cli.ExitPartial) {
			t.Fatalf("exit %d with %d skipped lines", code, skipped)
		}
		type span struct {
			Start, End int
			Text       string
		}
		type out struct {
			ID                                       *string
			Migration, AntiMigrant, CounterSpeech    float64
			HateCrime                                float64 `json:"hate_crime_report"`
			Stance, Tone, Populism, PopulistSentence float64
			Model                                    string
			Mentions, Evidence                       []span
		}
		// Inputs as we read them, to check offsets when all are well-formed.
		var texts []string
		for _, l := range nonblank {
			var in struct {
				ID   json.RawMessage `json:"id"`
				Text *string         `json:"text"`
			}
			if json.Unmarshal([]byte(l), &in) != nil || in.Text == nil {
				texts = nil
				break
			}
			texts = append(texts, *in.Text)
		}
		for i, l := range outLines {
			var o out
			if err := json.Unmarshal([]byte(l), &o); err != nil {
				t.Fatalf("output line %d is not JSON: %v: %.200q", i+1, err, l)
			}
			if o.ID == nil || o.Model == "" {
				t.Fatalf("output line %d lacks id or model: %.200q", i+1, l)
			}
			for name, p := range map[string]float64{"migration": o.Migration, "anti_migrant": o.AntiMigrant,
				"counter_speech": o.CounterSpeech, "hate_crime_report": o.HateCrime} {
				if math.IsNaN(p) || p < 0 || p > 1 {
					t.Fatalf("%s = %v out of [0,1]", name, p)
				}
			}
			for name, v := range map[string]float64{"stance": o.Stance, "tone": o.Tone} {
				if math.IsNaN(v) || v < -1 || v > 1 {
					t.Fatalf("%s = %v out of [-1,1]", name, v)
				}
			}
			if len(texts) == len(outLines) && skipped == 0 {
				text := texts[i]
				for _, s := range append(o.Mentions, o.Evidence...) {
					if s.Start < 0 || s.End < s.Start || s.End > len(text) {
						t.Fatalf("span [%d,%d) outside a %d-byte text", s.Start, s.End, len(text))
					}
				}
			}
		}
	}
}

// FuzzScoreInput fuzzes what `score` does with each input line: the
// scorer (models loaded once) on an arbitrary text with an arbitrary
// source context. No panic; scores in range; every mention, quote and
// evidence span indexes the text and its Text is exactly that slice.
// Seeds: f.Add below and testdata/fuzz/FuzzScoreInput.
func FuzzScoreInput(f *testing.F) {
	for _, s := range scoreLines {
		f.Add(s, "Lakeside", "news", "")
	}
	f.Add("\"Send them back,\" said Mayor Ana Ruiz's deputy. She said that refugees were welcome.", "Riverton", "statements", "Mayor Ana Ruiz")
	f.Add("\u00a0\u2028\xff\xfe \"\u201c\u201d\" said said said", "", "", "")
	scorer, err := analyze.New()
	if err != nil {
		f.Fatal(err)
	}
	finder, err := figures.NewFinderFromConfig(nil)
	if err != nil {
		f.Fatal(err)
	}
	scorer.People = finder
	f.Fuzz(func(t *testing.T, text, city, kind, speaker string) {
		if len(text) > 1<<16 {
			return
		}
		sc := scorer.Score("fuzz", text, model.TextContext{City: city, Kind: kind, Speaker: speaker})
		for name, p := range map[string]float64{"migration": sc.Migration, "anti_migrant": sc.AntiMigrant,
			"counter_speech": sc.CounterSpeech, "hate_crime_report": sc.HateCrimeReport, "populist_sentences": sc.PopulistSentences} {
			if math.IsNaN(p) || p < 0 || p > 1 {
				t.Fatalf("%s = %v out of [0,1]", name, p)
			}
		}
		for name, v := range map[string]float64{"stance": sc.Stance, "tone": sc.Tone} {
			if math.IsNaN(v) || v < -1 || v > 1 {
				t.Fatalf("%s = %v out of [-1,1]", name, v)
			}
		}
		if math.IsNaN(sc.Populism) || sc.Populism < 0 {
			t.Fatalf("populism = %v", sc.Populism)
		}
		check := func(what string, start, end int, got string) {
			if start < 0 || end < start || end > len(text) {
				t.Fatalf("%s span [%d,%d) outside a %d-byte text", what, start, end, len(text))
			}
			if got != text[start:end] {
				t.Fatalf("%s text %q is not text[%d:%d] = %q", what, got, start, end, text[start:end])
			}
		}
		for _, m := range sc.Mentions {
			check("mention", m.Start, m.End, m.Text)
		}
		for _, e := range sc.Evidence {
			check("evidence", e.Start, e.End, e.Text)
		}
		for _, q := range sc.Quotes {
			if q.Start < 0 || q.End < q.Start || q.End > len(text) {
				t.Fatalf("quote span [%d,%d) outside a %d-byte text", q.Start, q.End, len(text))
			}
		}
	})
}
