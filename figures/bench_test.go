package figures

import (
	"strings"
	"testing"

	prose2 "github.com/jdkato/prose/v2"

	"github.com/xenoscope/xenoscope/internal/articles"
	"github.com/xenoscope/xenoscope/internal/shareddata"
	"github.com/xenoscope/xenoscope/model"
)

func benchBodies(b *testing.B) ([]string, float64) {
	out, err := articles.ReadBodies(shareddata.Require(b, "articles", "ground-truth.json"))
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, body := range out {
		words += len(strings.Fields(body))
	}
	return out, float64(words)
}

// BenchmarkFind measures mentions + quote attribution in words/s on the 88
// shared article bodies, next to prose v2's full pipeline (model loaded
// once) and to the tagger run on every sentence (no gating).
func BenchmarkFind(b *testing.B) {
	bodies, words := benchBodies(b)
	f, err := NewFinder(nil)
	if err != nil {
		b.Fatal(err)
	}
	all := *f
	all.nerAll = true
	tc := model.TextContext{Kind: model.KindNews}
	report := func(b *testing.B) { b.ReportMetric(words*float64(b.N)/b.Elapsed().Seconds(), "words/s") }
	b.Run("figures/gated", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				f.Find(t, tc)
			}
		}
		report(b)
	})
	b.Run("figures/ner-every-sentence", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				all.Find(t, tc)
			}
		}
		report(b)
	})
	b.Run("prose-v2/full", func(b *testing.B) {
		warm, err := prose2.NewDocument("Warm up.")
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			for _, t := range bodies {
				if _, err := prose2.NewDocument(t, prose2.UsingModel(warm.Model)); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
}
