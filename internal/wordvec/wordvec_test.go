package wordvec

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestTrainErrors(t *testing.T) {
	ok := [][]string{{"a", "b", "a", "b", "a", "b"}}
	mod := func(f func(*Options)) Options {
		o := DefaultOptions()
		o.MinCount = 1
		f(&o)
		return o
	}
	tests := []struct {
		name   string
		corpus [][]string
		o      Options
		want   error
	}{
		{"nil corpus", nil, mod(func(*Options) {}), ErrEmptyCorpus},
		{"empty sentences", [][]string{{}, {}}, mod(func(*Options) {}), ErrEmptyCorpus},
		{"all below MinCount", ok, mod(func(o *Options) { o.MinCount = 4 }), ErrEmptyCorpus},
		{"Dim 0", ok, mod(func(o *Options) { o.Dim = 0 }), ErrBadOptions},
		{"Window 0", ok, mod(func(o *Options) { o.Window = 0 }), ErrBadOptions},
		{"MinCount 0", ok, mod(func(o *Options) { o.MinCount = 0 }), ErrBadOptions},
		{"Negative 0", ok, mod(func(o *Options) { o.Negative = 0 }), ErrBadOptions},
		{"Epochs 0", ok, mod(func(o *Options) { o.Epochs = 0 }), ErrBadOptions},
		{"LR 0", ok, mod(func(o *Options) { o.LR = 0 }), ErrBadOptions},
		{"LR NaN", ok, mod(func(o *Options) { o.LR = math.NaN() }), ErrBadOptions},
		{"Subsample -1", ok, mod(func(o *Options) { o.Subsample = -1 }), ErrBadOptions},
		{"Subsample Inf", ok, mod(func(o *Options) { o.Subsample = math.Inf(1) }), ErrBadOptions},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Train(tc.corpus, tc.o)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Train err = %v, want %v", err, tc.want)
			}
			if v != nil {
				t.Fatalf("Train returned vectors with error %v", err)
			}
		})
	}
	// The valid options of the table do train.
	if _, err := Train(ok, mod(func(*Options) {})); err != nil {
		t.Fatalf("Train on a valid tiny corpus: %v", err)
	}
}

func TestVocabOrder(t *testing.T) {
	corpus := [][]string{{"b", "a", "c", "b", "d"}, {"a", "c", "b", "e", "e"}}
	words, counts := vocab(corpus, 2)
	// b:3; a, c, e: 2 (word asc); d: 1 dropped.
	if want := []string{"b", "a", "c", "e"}; !slices.Equal(words, want) {
		t.Fatalf("vocab words = %v, want %v", words, want)
	}
	if want := []int{3, 2, 2, 2}; !slices.Equal(counts, want) {
		t.Fatalf("vocab counts = %v, want %v", counts, want)
	}
}

// TestAlias checks that the noise sampler draws each word with the
// probability of its weight (1e6 draws; the largest deviation allowed is
// ~6 standard deviations of a binomial proportion).
func TestAlias(t *testing.T) {
	weight := []float64{1000, 300, 300, 50, 7, 1, 0.5, 120}
	var sum float64
	for _, w := range weight {
		sum += w
	}
	a := newAlias(weight)
	rng := newRand(7)
	const n = 1_000_000
	got := make([]int, len(weight))
	for range n {
		got[a.draw(rng.Uint64())]++
	}
	for i, w := range weight {
		p := w / sum
		sd := math.Sqrt(p * (1 - p) / n)
		if f := float64(got[i]) / n; math.Abs(f-p) > 6*sd+1e-9 {
			t.Errorf("word %d: frequency %.5f, want %.5f (sd %.5f)", i, f, p, sd)
		}
	}
}

func TestLookupNearestCosine(t *testing.T) {
	// Hand-made 2-d vectors at known angles from "x" (1,0).
	words := []string{"x", "near", "mid", "far", "opp", "zero"}
	vec := []float32{
		1, 0,
		10, 1, // ~5.7 degrees
		1, 1, // 45 degrees
		0, 3, // 90 degrees
		-2, 0, // 180 degrees
		0, 0,
	}
	v, err := NewVectors(words, nil, 2, vec)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.Nearest("x", 3), []string{"near", "mid", "far"}; !slices.Equal(got, want) {
		t.Errorf("Nearest(x,3) = %v, want %v", got, want)
	}
	if got := v.Nearest("x", 99); len(got) != 5 || got[4] != "opp" {
		t.Errorf("Nearest(x,99) = %v, want 5 words ending with opp", got)
	}
	if got := v.Nearest("nope", 3); got != nil {
		t.Errorf("Nearest(unknown) = %v, want nil", got)
	}
	if r, ok := v.Lookup("mid"); !ok || !slices.Equal(r, []float32{1, 1}) {
		t.Errorf("Lookup(mid) = %v, %v", r, ok)
	}
	if _, ok := v.Lookup("nope"); ok {
		t.Error("Lookup(unknown) ok")
	}
	for _, tc := range []struct {
		a, b string
		want float64
	}{{"x", "mid", math.Sqrt2 / 2}, {"x", "far", 0}, {"x", "opp", -1}, {"x", "zero", 0}} {
		if got, ok := v.Cosine(tc.a, tc.b); !ok || math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("Cosine(%s,%s) = %v,%v, want %v", tc.a, tc.b, got, ok, tc.want)
		}
	}
}

func TestNewVectorsErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		words  []string
		counts []int
		dim    int
		vec    []float32
	}{
		{"dim 0", []string{"a"}, nil, 0, nil},
		{"no words", nil, nil, 2, nil},
		{"short vec", []string{"a", "b"}, nil, 2, make([]float32, 3)},
		{"counts length", []string{"a", "b"}, []int{1}, 1, make([]float32, 2)},
		{"duplicate", []string{"a", "a"}, nil, 1, make([]float32, 2)},
	} {
		if _, err := NewVectors(tc.words, tc.counts, tc.dim, tc.vec); err == nil {
			t.Errorf("%s: NewVectors succeeded", tc.name)
		}
	}
}

func TestKMeansErrors(t *testing.T) {
	v, err := NewVectors([]string{"a", "b", "c"}, nil, 2, []float32{1, 0, 0, 1, 1, 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		k, iters int
		want     error
	}{{4, 10, ErrBadK}, {0, 10, ErrBadK}, {-1, 10, ErrBadK}, {2, 0, ErrBadOptions}} {
		if m, err := KMeans(v, tc.k, tc.iters, 1); !errors.Is(err, tc.want) || m != nil {
			t.Errorf("KMeans(k=%d, iters=%d) = %v, %v; want %v", tc.k, tc.iters, m, err, tc.want)
		}
	}
	if _, err := KMeans(nil, 1, 1, 1); !errors.Is(err, ErrEmptyCorpus) {
		t.Errorf("KMeans(nil) err = %v", err)
	}
	// k == vocabulary is allowed: every word its own cluster.
	m, err := KMeans(v, 3, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	if m["a"] == m["b"] || m["b"] == m["c"] || m["a"] == m["c"] {
		t.Errorf("KMeans(k=3) on 3 distinct words = %v, want 3 clusters", m)
	}
}

// TestKMeansSeparable: three tight, well-separated bundles of directions
// (plus scale noise, which spherical k-means must ignore) come back as the
// three clusters.
func TestKMeansSeparable(t *testing.T) {
	centres := [][3]float32{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
	var words []string
	var vec []float32
	rng := newRand(3)
	for c, ctr := range centres {
		for i := range 20 {
			scale := float32(0.1 + 10*rng.Float64())
			for j := range ctr {
				vec = append(vec, scale*(ctr[j]+float32(0.1*(rng.Float64()-0.5))))
			}
			words = append(words, string(rune('a'+c))+string(rune('a'+i)))
		}
	}
	v, err := NewVectors(words, nil, 3, vec)
	if err != nil {
		t.Fatal(err)
	}
	m, err := KMeans(v, 3, 50, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range words {
		if lead := words[i/20*20]; m[w] != m[lead] {
			t.Errorf("%s in cluster %d, its bundle's first word %s in %d", w, m[w], lead, m[lead])
		}
	}
	if m["aa"] == m["ba"] || m["ba"] == m["ca"] || m["aa"] == m["ca"] {
		t.Errorf("bundles merged: %d %d %d", m["aa"], m["ba"], m["ca"])
	}
}
