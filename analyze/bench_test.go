package analyze

import (
	"runtime"
	"strings"
	"testing"

	prose2 "github.com/jdkato/prose/v2"
	prose3 "github.com/jdkato/prose/v3"

	"github.com/xenoscope/xenoscope/figures"
	"github.com/xenoscope/xenoscope/model"
)

// BenchmarkScore compares, in one run on the 88 shared article bodies,
// prose's full pipeline (tokenize+segment+tag+NER, model reused; v2 as the
// issue names it, and v3) with Score (all scores, evidence, sentence scores)
// in three configurations: without mentions, with the default prose-based
// mentions, and with the figures Finder as People (mentions + quotes +
// quote scores: what `xenoscope score` runs). Words are whitespace fields.
// Single goroutine each, so ratios compare like with like.
//
//	go test ./analyze/ -run XXX -bench Score -benchtime 2x -benchmem
func BenchmarkScore(b *testing.B) {
	bodies := articleBodies(b)
	words := 0
	for _, t := range bodies {
		words += len(strings.Fields(t))
	}
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	fin, err := figures.NewFinder(nil)
	if err != nil {
		b.Fatal(err)
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapSys)/(1<<20), "heapsys-MB")
	}
	w, _ := prose2.NewDocument("Warm up.")
	m2 := w.Model
	b.Run("prose-v2-full", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				if _, err := prose2.NewDocument(t, prose2.UsingModel(m2)); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("prose-v3-full", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				if _, err := prose3.NewDocument(t); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	run := func(name string, sc *Scorer) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, t := range bodies {
					sc.Score("b", t, model.TextContext{Kind: model.KindNews})
				}
			}
			report(b)
		})
	}
	run("score-no-mentions", s)
	withFinder := *s
	withFinder.People = fin
	run("score-figures-finder", &withFinder)
}
