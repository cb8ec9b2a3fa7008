// Package nertrain trains and evaluates the person tagger of figures/ner:
// CoNLL-2003 reading, averaged-perceptron training, the model writer and
// PER evaluation. `xenoscope train -task ner` runs it; inference never
// imports it.
package nertrain

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/xenoscope/xenoscope/figures/ner"
)

// Sentence is one labelled sentence; Doc groups the sentences of one
// document.
type Sentence struct {
	Words []string
	Tags  []string // BIO
	Doc   int
}

// ReadCoNLL reads a CoNLL-2003 file (token POS chunk NER, IOB1 tags) and
// returns its sentences with BIO tags.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	doc := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Doc = doc
			cur.Tags = iob1ToBIO(cur.Tags)
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" {
			flush()
			continue
		}
		f := strings.Fields(t)
		if f[0] == "-DOCSTART-" {
			flush()
			doc++
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("conll line %d: want 'token ... tag', got %q", line, t)
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, f[len(f)-1])
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	return out, nil
}

func iob1ToBIO(tags []string) []string {
	out := make([]string, len(tags))
	prev := "O"
	for i, t := range tags {
		switch {
		case t == "O":
			out[i] = "O"
		case strings.HasPrefix(t, "B-"):
			out[i] = t
		default: // I-X
			typ := t[2:]
			if prev == "O" || prev[2:] != typ {
				out[i] = "B-" + typ
			} else {
				out[i] = "I-" + typ
			}
		}
		prev = out[i]
	}
	return out
}

// Options are the training settings; DefaultOptions are the embedded
// model's.
type Options struct {
	Iters     int     // passes over the data
	Seed      uint64  // shuffle seed
	MinWeight float32 // prune features whose largest averaged weight is below this
}

// DefaultOptions trains the embedded model.
var DefaultOptions = Options{Iters: 12, Seed: 2003, MinWeight: 0.05}

type trainW struct {
	w   [ner.NumTags]float32
	tot [ner.NumTags]float64
	ts  [ner.NumTags]int
}

// Train trains a tagger greedily, left to right, for o.Iters passes over
// sents (shuffled deterministically with o.Seed) and returns the averaged
// model, pruned to features whose largest averaged weight magnitude is at
// least o.MinWeight. Every sentence is trained as its own document (its
// document-level features count that sentence only): `score` often gets
// one sentence or a headline per text, and on whole documents Find's own
// document rules (a full name's surname) make up for it. Chosen on 5-fold
// cross-validation over eng.train documents (docs/figures.md). The name
// list leaves out the common words of sents (ner.TrainNames). The same
// input gives the same model.
func Train(sents []Sentence, o Options, progress func(iter, errs, tokens int)) *ner.Tagger {
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = s.Words
	}
	names := ner.TrainNames(words)
	prepared := make([]*ner.Sentence, len(sents))
	gold := make([][]int, len(sents))
	for i, s := range sents {
		prepared[i] = ner.NewSentence(s.Words, ner.NewDocStats([][]string{s.Words}), names)
		gold[i] = make([]int, len(s.Tags))
		for j, t := range s.Tags {
			gold[i][j] = ner.TagIndex(t)
		}
	}
	w := map[string]*trainW{}
	clock := 0
	update := func(f string, t int, v float32) {
		x := w[f]
		if x == nil {
			x = &trainW{}
			w[f] = x
		}
		x.tot[t] += float64(clock-x.ts[t]) * float64(x.w[t])
		x.ts[t] = clock
		x.w[t] += v
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := o.Seed | 1
	next := func() uint64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
	var feats []string
	for it := 0; it < o.Iters; it++ {
		for i := len(order) - 1; i > 0; i-- {
			j := int(next() % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		errs, toks := 0, 0
		for _, si := range order {
			s := prepared[si]
			p1, p2 := "<s>", "<s>"
			for i := 0; i < s.Len(); i++ {
				clock++
				feats = s.Features(feats[:0], i, p1, p2)
				var sc [ner.NumTags]float32
				for _, f := range feats {
					if x := w[f]; x != nil {
						for t := range sc {
							sc[t] += x.w[t]
						}
					}
				}
				guess := argmax(sc[:])
				g := gold[si][i]
				if guess != g {
					errs++
					for _, f := range feats {
						update(f, g, 1)
						update(f, guess, -1)
					}
				}
				toks++
				// the history is the tagger's own guesses, as at inference
				p2, p1 = p1, ner.Tags[guess]
			}
		}
		if progress != nil {
			progress(it+1, errs, toks)
		}
	}
	out := make(ner.Weights, len(w)/4)
	for f, x := range w {
		var avg [ner.NumTags]float32
		keep := false
		for t := range avg {
			tot := x.tot[t] + float64(clock-x.ts[t])*float64(x.w[t])
			avg[t] = float32(tot / float64(clock))
			if abs32(avg[t]) >= o.MinWeight {
				keep = true
			}
		}
		if keep {
			a := avg
			out[f] = &a
		}
	}
	return ner.NewTagger(out, names)
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

func argmax(s []float32) int {
	b := 0
	for i := 1; i < len(s); i++ {
		if s[i] > s[b] {
			b = i
		}
	}
	return b
}

// Write writes t in the format ner.Read reads (features sorted, weights
// quantised to int16/ner.ModelScale, gzip at best compression): the same
// tagger gives the same bytes.
func Write(w io.Writer, t *ner.Tagger) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	ws := t.Weights()
	keys := make([]string, 0, len(ws))
	for k := range ws {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bw.WriteString(ner.ModelMagic)
	var buf [binary.MaxVarintLen64]byte
	bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(keys)))])
	for _, k := range keys {
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(k)))])
		bw.WriteString(k)
		for _, v := range ws[k] {
			q := math.Round(float64(v) * ner.ModelScale)
			q = math.Max(math.MinInt16, math.Min(math.MaxInt16, q))
			bw.Write(buf[:binary.PutVarint(buf[:], int64(q))])
		}
	}
	common := t.Names().Common()
	bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(common)))])
	for _, w := range common {
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(w)))])
		bw.WriteString(w)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Score is a PER evaluation: exact span match per sentence.
type Score struct {
	TP, FP, FN int
}

// Plus adds the counts of o.
func (s Score) Plus(o Score) Score {
	return Score{TP: s.TP + o.TP, FP: s.FP + o.FP, FN: s.FN + o.FN}
}

// Precision, Recall and F1 of the score (0 when undefined).
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN).
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Add scores one sentence: pred are the predicted PER spans and offs the
// offsets of each token (byte offsets in a text, or token indexes), so
// that gold spans from the BIO tags compare to pred exactly. A span
// predicted twice counts once.
func (s *Score) Add(tags []string, offs [][2]int, pred [][2]int) {
	gold := map[[2]int]bool{}
	for _, e := range ner.Entities(tags) {
		if e.Type == "PER" {
			gold[[2]int{offs[e.Start][0], offs[e.End-1][1]}] = true
		}
	}
	seen := map[[2]int]bool{}
	for _, p := range pred {
		if seen[p] {
			continue
		}
		seen[p] = true
		if gold[p] {
			s.TP++
			delete(gold, p)
		} else {
			s.FP++
		}
	}
	s.FN += len(gold)
}

// EvalPER scores predicted PER spans against gold, sentence by sentence.
func EvalPER(gold, pred [][]string) Score {
	var s Score
	for i := range gold {
		offs := make([][2]int, len(gold[i]))
		for k := range offs {
			offs[k] = [2]int{k, k + 1}
		}
		var p [][2]int
		for _, e := range ner.Entities(pred[i]) {
			if e.Type == "PER" {
				p = append(p, [2]int{e.Start, e.End})
			}
		}
		s.Add(gold[i], offs, p)
	}
	return s
}

// JoinWords writes a sentence's words as one text separated by spaces, as
// `score` gets a line, and returns each word's byte offsets in it.
func JoinWords(words []string) (string, [][2]int) {
	var b strings.Builder
	offs := make([][2]int, len(words))
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		offs[i][0] = b.Len()
		b.WriteString(w)
		offs[i][1] = b.Len()
	}
	return b.String(), offs
}

// Evaluate tags sents document by document (docs == true) or each sentence
// as its own document, and scores PER spans.
func Evaluate(t *ner.Tagger, sents []Sentence, docs bool) Score {
	var gold, pred [][]string
	for i := 0; i < len(sents); {
		j := i + 1
		if docs {
			for j < len(sents) && sents[j].Doc == sents[i].Doc {
				j++
			}
		}
		var doc [][]string
		for _, s := range sents[i:j] {
			doc = append(doc, s.Words)
			gold = append(gold, s.Tags)
		}
		pred = append(pred, t.TagDoc(doc)...)
		i = j
	}
	return EvalPER(gold, pred)
}

// Validation splits eng.train into the documents used for training and a
// validation fifth (document number % 5 == 0), the part that chooses
// between tagger and mention-rule variants without touching eng.testa.
func Validation(sents []Sentence) (train, val []Sentence) {
	return Fold(sents, 0, false)
}

// Fold splits sents into training documents and the fifth k (0-4) left
// out: documents numbered k mod 5, or with contiguous the k-th fifth of
// the documents in order (news of the same days stay together, closer to
// a later held-out month).
func Fold(sents []Sentence, k int, contiguous bool) (train, val []Sentence) {
	docs := 0
	if len(sents) > 0 {
		docs = sents[len(sents)-1].Doc + 1
	}
	for _, s := range sents {
		f := s.Doc % 5
		if contiguous {
			f = s.Doc * 5 / docs
		}
		if f == k {
			val = append(val, s)
		} else {
			train = append(train, s)
		}
	}
	return train, val
}
