package analyze

import (
	"testing"

	"github.com/xenoscope/xenoscope/internal/articles"
	"github.com/xenoscope/xenoscope/internal/shareddata"
	"github.com/xenoscope/xenoscope/nlp"
)

// articleBodies returns the 88 shared article bodies (skips without
// ../shared).
func articleBodies(tb testing.TB) []string {
	tb.Helper()
	gt, err := articles.ReadGroundTruth(shareddata.Require(tb, "articles", "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]string, 0, len(gt))
	for _, a := range gt {
		out = append(out, a.Body)
	}
	return out
}

func (s *Scorer) unitOf(text string) *unit {
	d := nlp.Parse(text)
	return s.buildUnit(text, d.Tokens)
}
