// Package wordvec trains deterministic word embeddings (skip-gram with
// negative sampling, Mikolov et al. 2013) and groups them into word clusters
// (spherical k-means with k-means++ seeding). It exists so that a linear text
// classifier trained on a few thousand labelled texts can use word-cluster
// features: a word never seen in the labelled data still fires the feature of
// its cluster (Owoputi et al. 2013 used Brown clusters for the same purpose).
//
// Status: used only by analyze's representation-round experiment
// (analyze/experiment_cluster_test.go). Word-cluster and dense word-vector
// features did not help anti_migrant on validation data and are not in the
// shipped models (docs/analysis.md, "Representation round").
//
// # Determinism
//
// Train and KMeans are bit-for-bit reproducible for the same input, options
// and seed: they run on a single goroutine, draw every random number from
// one math/rand/v2 PCG stream seeded from Options.Seed, sort the vocabulary
// by (count desc, word asc), and never iterate over a Go map in an order that
// matters. The arithmetic is meant to give the same bits on every platform:
// every product that is then added is wrapped in an explicit conversion,
// which the Go spec says prevents fusing it into a multiply-add (Go fuses on
// arm64, ppc64, s390x and on amd64 with GOAMD64=v3); the sigmoid table uses
// an exp built from IEEE operations (math.Exp uses FMA on some amd64 CPUs and
// not others); the noise weights c^0.75 use math.Sqrt (correctly rounded)
// rather than math.Pow. testdata/golden.sha256 pins the bits. Checked: the
// digests are equal under GOAMD64=v1 and v3 (see TestTrainGolden), and the
// GOARCH=arm64 assembly has no fused instruction; it has not been run on
// arm64 or other architectures.
//
// # Algorithm (as in the reference word2vec C code)
//
//   - Vocabulary: tokens counted as given (the caller lowercases/tokenises),
//     words below MinCount dropped, sorted by count desc then word asc.
//   - Frequent-word subsampling: a token of a word with count c among T
//     in-vocabulary tokens is kept with probability (sqrt(c/(s*T))+1)*(s*T)/c,
//     s = Options.Subsample (0 disables).
//   - For each kept token, a window b drawn uniformly in [1, Window]; each
//     context word within b positions (of the subsampled sentence) is the
//     input, the centre word the positive output, and Negative noise words
//     drawn from unigram^0.75 are the negative outputs. Noise words are drawn
//     with Walker's alias method (exact, O(1), 8 bytes per word) rather than
//     word2vec's 1e8-entry table.
//   - Learning rate LR decays linearly with the number of tokens read
//     (including subsampled ones) over all epochs, to a floor of LR*1e-4.
//   - Input vectors start uniform in [-0.5/Dim, 0.5/Dim), output vectors at 0.
//     The returned vectors are the input vectors.
//
// Memory: two flat []float32 of Vocab*Dim plus the corpus as []int32 word
// ids (out-of-vocabulary tokens dropped, as word2vec does).
//
// Speed (BenchmarkTrain, one core shared with other jobs, DefaultOptions):
// 507k tokens / 14.4k words in 8.7-12.9 s, 1.52M tokens / 35.6k words in
// 46 s. The dot product keeps four partial sums (BenchmarkDot: 46.6 vs
// 63.7 ns for one accumulator); with the fused update loop of the output
// vector and the error, Train on 507k tokens went from 16.0 s to 8.7 s.
// KMeans of 14.4k words: k=100 1.7 s, k=1024 11.2 s (20 iterations).
package wordvec

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// Sentinel errors callers can test with errors.Is.
var (
	// ErrEmptyCorpus: no word reaches MinCount (or there are no tokens).
	ErrEmptyCorpus = errors.New("wordvec: empty corpus")
	// ErrBadOptions: an option is out of range.
	ErrBadOptions = errors.New("wordvec: bad options")
	// ErrBadK: KMeans asked for k < 1 or more clusters than words.
	ErrBadK = errors.New("wordvec: bad number of clusters")
)

// Options controls Train. Zero values are not defaults: start from
// DefaultOptions and change what you need.
type Options struct {
	Dim       int     // vector dimension (>= 1)
	Window    int     // maximum context distance (>= 1); the effective window is drawn in [1, Window]
	MinCount  int     // words with fewer occurrences are dropped (>= 1)
	Negative  int     // noise words per positive pair (>= 1)
	Epochs    int     // passes over the corpus (>= 1)
	LR        float64 // starting learning rate (> 0), decayed linearly to LR*1e-4
	Subsample float64 // frequent-word subsampling threshold (>= 0; 0 disables)
	Seed      uint64  // seed of the single PCG stream
}

// DefaultOptions returns Dim 64, Window 5, MinCount 3, Negative 5, Epochs 5,
// LR 0.025, Subsample 1e-3, Seed 1.
//
// Subsample is word2vec's and gensim's default 1e-3, not the 1e-4 suggested
// for corpora of billions of tokens: on the 507k-token test corpus, 1e-4
// discards so many tokens that 5 epochs under-train (in an exploratory run,
// mean cosine between the days of the week 0.982 but also 0.825 to 100
// frequent words at large; with 1e-3: 0.944 vs 0.448, and all seven days in
// one k=100 cluster).
func DefaultOptions() Options {
	return Options{Dim: 64, Window: 5, MinCount: 3, Negative: 5, Epochs: 5, LR: 0.025, Subsample: 1e-3, Seed: 1}
}

func (o Options) validate() error {
	switch {
	case o.Dim < 1:
		return fmt.Errorf("%w: Dim %d, want >= 1", ErrBadOptions, o.Dim)
	case o.Window < 1:
		return fmt.Errorf("%w: Window %d, want >= 1", ErrBadOptions, o.Window)
	case o.MinCount < 1:
		return fmt.Errorf("%w: MinCount %d, want >= 1", ErrBadOptions, o.MinCount)
	case o.Negative < 1:
		return fmt.Errorf("%w: Negative %d, want >= 1", ErrBadOptions, o.Negative)
	case o.Epochs < 1:
		return fmt.Errorf("%w: Epochs %d, want >= 1", ErrBadOptions, o.Epochs)
	case !(o.LR > 0) || math.IsInf(o.LR, 0):
		return fmt.Errorf("%w: LR %v, want a finite value > 0", ErrBadOptions, o.LR)
	case !(o.Subsample >= 0) || math.IsInf(o.Subsample, 0):
		return fmt.Errorf("%w: Subsample %v, want a finite value >= 0", ErrBadOptions, o.Subsample)
	}
	return nil
}

// Vectors holds one vector per vocabulary word. Row i of the flat Vec is
// Vec[i*Dim:(i+1)*Dim] and belongs to Words[i]. Treat it as read-only: the
// index used by Lookup is built when the Vectors is made (Train, NewVectors).
// Lookup, Cosine, Nearest and KMeans only read it, so concurrent use by any
// number of goroutines is safe.
type Vectors struct {
	Words  []string  // vocabulary, by count desc then word asc (as trained)
	Counts []int     // corpus count of Words[i] (nil if unknown)
	Dim    int       // vector dimension
	Vec    []float32 // len(Words)*Dim, row-major

	index map[string]int
}

// NewVectors wraps existing vectors (e.g. read from a file) so that Lookup,
// Nearest and KMeans work on them. counts may be nil.
func NewVectors(words []string, counts []int, dim int, vec []float32) (*Vectors, error) {
	if dim < 1 {
		return nil, fmt.Errorf("%w: Dim %d, want >= 1", ErrBadOptions, dim)
	}
	if len(words) == 0 {
		return nil, ErrEmptyCorpus
	}
	if len(vec) != len(words)*dim {
		return nil, fmt.Errorf("wordvec: %d words * dim %d != %d values", len(words), dim, len(vec))
	}
	if counts != nil && len(counts) != len(words) {
		return nil, fmt.Errorf("wordvec: %d words but %d counts", len(words), len(counts))
	}
	v := &Vectors{Words: words, Counts: counts, Dim: dim, Vec: vec, index: make(map[string]int, len(words))}
	for i, w := range words {
		if _, dup := v.index[w]; dup {
			return nil, fmt.Errorf("wordvec: duplicate word %q", w)
		}
		v.index[w] = i
	}
	return v, nil
}

// Len returns the vocabulary size.
func (v *Vectors) Len() int { return len(v.Words) }

// Lookup returns the vector of word (a read-only view into v.Vec) and
// whether the word is in the vocabulary.
func (v *Vectors) Lookup(word string) ([]float32, bool) {
	i, ok := v.index[word]
	if !ok {
		return nil, false
	}
	return v.row(i), true
}

func (v *Vectors) row(i int) []float32 {
	return v.Vec[i*v.Dim : (i+1)*v.Dim : (i+1)*v.Dim]
}

// Cosine returns the cosine similarity of two vocabulary words, and false if
// either is unknown. A zero vector has cosine 0 with everything.
func (v *Vectors) Cosine(a, b string) (float64, bool) {
	x, ok1 := v.Lookup(a)
	y, ok2 := v.Lookup(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	return cosine(x, y), true
}

func cosine(x, y []float32) float64 {
	var dot, nx, ny float64
	for i := range x {
		a, b := float64(x[i]), float64(y[i])
		dot += float64(a * b) // conversions: no fused multiply-add
		nx += float64(a * a)
		ny += float64(b * b)
	}
	if nx == 0 || ny == 0 {
		return 0
	}
	return dot / math.Sqrt(nx*ny)
}

// Nearest returns up to k vocabulary words most cosine-similar to word,
// most similar first (ties by vocabulary order), excluding word itself. It
// returns nil for an unknown word or k < 1.
func (v *Vectors) Nearest(word string, k int) []string {
	q, ok := v.Lookup(word)
	if !ok || k < 1 {
		return nil
	}
	self := v.index[word]
	type cand struct {
		i   int
		sim float64
	}
	cands := make([]cand, 0, len(v.Words)-1)
	for i := range v.Words {
		if i != self {
			cands = append(cands, cand{i, cosine(q, v.row(i))})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].sim > cands[b].sim })
	if k > len(cands) {
		k = len(cands)
	}
	out := make([]string, k)
	for j := range out {
		out[j] = v.Words[cands[j].i]
	}
	return out
}

// newRand returns the package's single random stream for seed. The second
// PCG word is a fixed constant so that one uint64 seeds everything.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

const (
	sigTableSize = 1000
	sigMaxExp    = 6
	sigScale     = float32(sigTableSize) / (2 * sigMaxExp)
)

// sigTable[i] = sigmoid(x) at x = (i/sigTableSize*2-1)*sigMaxExp, as word2vec.
var sigTable = func() [sigTableSize]float32 {
	var t [sigTableSize]float32
	for i := range t {
		e := exactExp((float64(float64(i)/sigTableSize*2) - 1) * sigMaxExp)
		t[i] = float32(e / (e + 1))
	}
	return t
}()

// exactExp is exp(x) for |x| <= 8 from IEEE operations only (a Taylor
// series of exp(x/64), squared six times), so that it gives the same bits on
// every platform: math.Exp uses FMA on some CPUs and not on others. Its
// relative error (~1e-14) is far below float32 precision.
func exactExp(x float64) float64 {
	y := x / 64
	sum, term := 1.0, 1.0
	for k := 1; k <= 16; k++ {
		term = float64(term*y) / float64(k)
		sum += term
	}
	for range 6 {
		sum = float64(sum * sum)
	}
	return sum
}

// vocab counts the tokens and keeps the words with count >= minCount, sorted
// by count desc then word asc.
func vocab(sentences [][]string, minCount int) ([]string, []int) {
	counts := make(map[string]int)
	for _, s := range sentences {
		for _, w := range s {
			counts[w]++
		}
	}
	words := make([]string, 0, len(counts))
	for w, c := range counts {
		if c >= minCount {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(a, b int) bool {
		ca, cb := counts[words[a]], counts[words[b]]
		if ca != cb {
			return ca > cb
		}
		return words[a] < words[b]
	})
	cs := make([]int, len(words))
	for i, w := range words {
		cs[i] = counts[w]
	}
	return words, cs
}

// alias is Walker's alias table for drawing word i with probability
// proportional to weight[i] from one uint64.
type alias struct {
	n      uint64
	thresh []uint32 // keep column i if the low 32 bits < thresh[i]
	other  []int32  // else take other[i]
}

func newAlias(weight []float64) alias {
	n := len(weight)
	var sum float64
	for _, w := range weight {
		sum += w
	}
	prob := make([]float64, n)
	for i, w := range weight {
		prob[i] = float64(w*float64(n)) / sum
	}
	a := alias{n: uint64(n), thresh: make([]uint32, n), other: make([]int32, n)}
	small := make([]int, 0, n)
	large := make([]int, 0, n)
	for i := n - 1; i >= 0; i-- { // stacks pop the lowest index first
		if prob[i] < 1 {
			small = append(small, i)
		} else {
			large = append(large, i)
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s := small[len(small)-1]
		small = small[:len(small)-1]
		l := large[len(large)-1]
		large = large[:len(large)-1]
		a.thresh[s] = toThresh(prob[s])
		a.other[s] = int32(l)
		prob[l] = (prob[l] + prob[s]) - 1
		if prob[l] < 1 {
			small = append(small, l)
		} else {
			large = append(large, l)
		}
	}
	// What remains has probability 1 up to rounding: always keep it.
	for _, i := range append(small, large...) {
		a.thresh[i] = math.MaxUint32
		a.other[i] = int32(i)
	}
	return a
}

func toThresh(p float64) uint32 {
	if p >= 1 {
		return math.MaxUint32
	}
	if p <= 0 {
		return 0
	}
	return uint32(p * (1 << 32))
}

// draw maps one uniform uint64 to a word: the high 32 bits pick a column
// (multiply-shift, bias below n/2^32), the low 32 bits pick within it.
func (a *alias) draw(r uint64) int32 {
	i := ((r >> 32) * a.n) >> 32
	if uint32(r) < a.thresh[i] {
		return int32(i)
	}
	return a.other[i]
}

// Train learns skip-gram negative-sampling vectors from sentences (tokens
// already normalised by the caller). It returns ErrBadOptions for options
// out of range and ErrEmptyCorpus when no word reaches o.MinCount.
func Train(sentences [][]string, o Options) (*Vectors, error) {
	if err := o.validate(); err != nil {
		return nil, err
	}
	words, counts := vocab(sentences, o.MinCount)
	if len(words) == 0 {
		return nil, fmt.Errorf("%w: no word occurs at least MinCount=%d times", ErrEmptyCorpus, o.MinCount)
	}
	if int64(len(words))*int64(o.Dim) > math.MaxInt32*4 {
		return nil, fmt.Errorf("%w: vocabulary %d * Dim %d too large", ErrBadOptions, len(words), o.Dim)
	}
	v, err := NewVectors(words, counts, o.Dim, make([]float32, len(words)*o.Dim))
	if err != nil {
		return nil, err
	}

	// The corpus as word ids, out-of-vocabulary tokens dropped.
	var total int
	for _, s := range sentences {
		total += len(s)
	}
	ids := make([]int32, 0, total)
	bounds := make([]int, 0, len(sentences)+1) // sentence i is ids[bounds[i]:bounds[i+1]]
	bounds = append(bounds, 0)
	for _, s := range sentences {
		for _, w := range s {
			if i, ok := v.index[w]; ok {
				ids = append(ids, int32(i))
			}
		}
		if len(ids) > bounds[len(bounds)-1] {
			bounds = append(bounds, len(ids))
		}
	}
	trainWords := len(ids)

	// Subsampling keep probability per word, as a 53-bit threshold compared
	// with rng.Float64.
	keep := make([]float64, len(words))
	for i, c := range counts {
		keep[i] = 1
		if o.Subsample > 0 {
			st := o.Subsample * float64(trainWords)
			keep[i] = (math.Sqrt(float64(c)/st) + 1) * st / float64(c)
		}
	}
	// c^0.75 = sqrt(c)*sqrt(sqrt(c)): Sqrt is correctly rounded everywhere,
	// math.Pow is not bit-identical across CPUs.
	weight := make([]float64, len(words))
	for i, c := range counts {
		r := math.Sqrt(float64(c))
		weight[i] = r * math.Sqrt(r)
	}
	noise := newAlias(weight)

	rng := newRand(o.Seed)
	dim := o.Dim
	syn0 := v.Vec
	for i := range syn0 {
		syn0[i] = (float32(rng.Float64()) - 0.5) / float32(dim)
	}
	syn1 := make([]float32, len(syn0))
	neu1e := make([]float32, dim)
	sent := make([]int32, 0, 1024)

	lr0 := float32(o.LR)
	minLR := lr0 * 1e-4
	denom := float64(float64(o.Epochs)*float64(trainWords)) + 1
	var processed int64
	for epoch := 0; epoch < o.Epochs; epoch++ {
		for si := 0; si+1 < len(bounds); si++ {
			raw := ids[bounds[si]:bounds[si+1]]
			processed0 := processed
			processed += int64(len(raw))
			sent = sent[:0]
			for _, w := range raw {
				if keep[w] < 1 && keep[w] < rng.Float64() {
					continue
				}
				sent = append(sent, w)
			}
			for pos, w := range sent {
				// LR by tokens read so far, spreading the sentence linearly.
				done := float64(processed0) + float64(len(raw))*float64(pos)/float64(len(sent))
				alpha := lr0 * float32(1-done/denom)
				if alpha < minLR {
					alpha = minLR
				}
				b := o.Window - rng.IntN(o.Window) // effective window in [1, Window]
				lo, hi := pos-b, pos+b
				if lo < 0 {
					lo = 0
				}
				if hi > len(sent)-1 {
					hi = len(sent) - 1
				}
				for c := lo; c <= hi; c++ {
					if c == pos {
						continue
					}
					ctx := int(sent[c])
					l1 := syn0[ctx*dim : ctx*dim+dim : ctx*dim+dim]
					clear(neu1e)
					for d := 0; d <= o.Negative; d++ {
						var target int
						var label float32
						if d == 0 {
							target, label = int(w), 1
						} else {
							target = int(noise.draw(rng.Uint64()))
							if target == int(w) {
								continue
							}
						}
						l2 := syn1[target*dim : target*dim+dim : target*dim+dim]
						l2 = l2[:len(l1)]
						f := dot32(l1, l2)
						var g float32
						switch {
						case f >= sigMaxExp:
							g = (label - 1) * alpha
						case f <= -sigMaxExp:
							g = label * alpha
						default:
							g = (label - sigTable[int((f+sigMaxExp)*sigScale)]) * alpha
						}
						// Element i of e reads l2[i] before it is updated,
						// as two separate loops would.
						e := neu1e[:len(l1)]
						for i, x := range l1 {
							y := l2[i]
							e[i] += float32(g * y) // conversions: no fused multiply-add
							l2[i] = y + float32(g*x)
						}
					}
					e := neu1e[:len(l1)]
					for i := range l1 {
						l1[i] += e[i]
					}
				}
			}
		}
	}
	return v, nil
}

// dot32 is the dot product of two equal-length vectors with four partial
// sums (added as ((s0+s1)+(s2+s3))+tail), which breaks the add-latency chain
// of a single accumulator; the order is fixed, so results are reproducible.
func dot32(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += float32(a[i] * b[i]) // conversions: no fused multiply-add
		s1 += float32(a[i+1] * b[i+1])
		s2 += float32(a[i+2] * b[i+2])
		s3 += float32(a[i+3] * b[i+3])
	}
	s := (s0 + s1) + (s2 + s3)
	for ; i < len(a); i++ {
		s += float32(a[i] * b[i])
	}
	return s
}
