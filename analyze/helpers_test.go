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
	out, err := articles.ReadBodies(shareddata.Require(tb, "articles", "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func (s *Scorer) unitOf(text string) *unit {
	d := nlp.Parse(text)
	return s.buildUnit(text, d.Tokens)
}
