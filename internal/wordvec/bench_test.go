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
			b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "corpus-tokens/s")
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

// dotNaive is the one-accumulator dot product, the baseline for dot32.
func dotNaive(a, b []float32) float32 {
	b = b[:len(a)]
	var s float32
	for i := range a {
		s += float32(a[i] * b[i])
	}
	return s
}

var sinkF32 float32

// BenchmarkDot compares dot32 (four partial sums, used by Train) with the
// one-accumulator baseline on Dim-64 rows of a 1 MiB table, side by side.
func BenchmarkDot(b *testing.B) {
	const dim, rows = 64, 4096
	rng := newRand(1)
	tab := make([]float32, dim*rows)
	for i := range tab {
		tab[i] = float32(rng.Float64() - 0.5)
	}
	for _, f := range []struct {
		name string
		fn   func(a, b []float32) float32
	}{{"naive", dotNaive}, {"dot32", dot32}} {
		b.Run(f.name, func(b *testing.B) {
			var s float32
			i := 0
			for b.Loop() {
				r := (i * 2654435761) % rows // scattered rows, as noise words are
				s += f.fn(tab[:dim], tab[r*dim:(r+1)*dim])
				i++
			}
			sinkF32 = s
		})
	}
}
