package wordvec

import (
	"fmt"
	"testing"
)

// BenchmarkTrain trains DefaultOptions vectors on the test corpus
// (loadCorpus: ~507k tokens) and on that corpus repeated three times
// (~1.52M tokens, the size the brief budgets ~60 s for). One iteration is
// one full Train; run with -benchtime 1x.
func BenchmarkTrain(b *testing.B) {
	corpus := loadCorpus(b)
	for _, rep := range []int{1, 3} {
		var c [][]string
		for range rep {
			c = append(c, corpus...)
		}
		tokens := countTokens(c)
		b.Run(fmt.Sprintf("tokens=%d", tokens), func(b *testing.B) {
			b.ReportAllocs()
			var v *Vectors
			for b.Loop() {
				var err error
				if v, err = Train(c, DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
			b.ReportMetric(float64(v.Len()), "vocab")
		})
	}
}

// BenchmarkKMeans clusters the DefaultOptions vectors of the test corpus
// (14351 words) into k = 100 and 1024 clusters with at most 20 iterations.
func BenchmarkKMeans(b *testing.B) {
	v, err := Train(loadCorpus(b), DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range []int{100, 1024} {
		b.Run(fmt.Sprintf("k=%d", k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := KMeans(v, k, 20, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
