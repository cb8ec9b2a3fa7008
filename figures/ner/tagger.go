// Package ner is the person tagger of package figures at inference: an
// averaged-perceptron sequence tagger over the four CoNLL-2003 entity types
// (BIO tags), its features, beam decoding and the reader of its model file.
// Training, CoNLL reading, model writing and evaluation live in
// figures/nertrain (`xenoscope train -task ner`).
package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/nlp"
)

// Tags of the tagger (BIO over the four CoNLL entity types). The tagger
// learns all four types because telling "Leeds City Council" (ORG) and
// "Angela Merkel" (PER) apart is what makes PER precise.
var Tags = [NumTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// NumTags is the number of tags.
const NumTags = 9

// TagIndex returns the index of tag t in Tags (0, "O", when unknown).
func TagIndex(t string) int {
	for i, s := range Tags {
		if s == t {
			return i
		}
	}
	return 0
}

// Weights are the tagger's feature weights, one per tag.
type Weights = map[string]*[NumTags]float32

// Tagger is an averaged-perceptron sequence tagger decoded with a beam. It
// is immutable and safe for concurrent use.
type Tagger struct {
	w     Weights
	names *Names
}

// NewTagger returns a tagger over w and its name list (which it keeps; do
// not modify them).
func NewTagger(w Weights, names *Names) *Tagger { return &Tagger{w: w, names: names} }

// Names returns the tagger's name list.
func (t *Tagger) Names() *Names { return t.names }

// Weights returns the tagger's weights (shared; do not modify them).
func (t *Tagger) Weights() Weights { return t.w }

// Features reports the number of features in the model.
func (t *Tagger) Features() int { return len(t.w) }

// ModelName names the embedded tagger's design; ModelVersion adds the hash
// of its weights.
const ModelName = "figures-ner-ap2-beam4"

// model is the embedded tagger, trained by `xenoscope train -task ner
// -data ../shared/data -out figures/ner/model.bin.gz` on CoNLL-2003
// eng.train.
//
//go:embed model.bin.gz
var model []byte

// ModelVersion is ModelName and the first 8 hex digits of the SHA-256 of
// the embedded model file and name list (a feature of the tagger).
var ModelVersion = sync.OnceValue(func() string {
	h := sha256.New()
	h.Write(model)
	h.Write(namesGz)
	return ModelName + "-" + hex.EncodeToString(h.Sum(nil))[:8]
})

// Default returns the embedded tagger, decoded once per process.
var Default = sync.OnceValues(func() (*Tagger, error) {
	return Read(bytes.NewReader(model))
})

// EmbeddedModel returns the embedded model file's bytes (a copy).
func EmbeddedModel() []byte { return append([]byte(nil), model...) }

// Model file format: gzip of ModelMagic, a uvarint feature count, then per
// feature (sorted by name): uvarint length, the name, and NumTags varint
// weights scaled by ModelScale; then a uvarint count of the name list's
// common words (Names.Common, sorted), each a uvarint length and the word.
const (
	ModelMagic = "XSNER2"
	ModelScale = 1000
)

// ErrBadModel is returned for a model file that cannot be read.
var ErrBadModel = errors.New("bad NER model file")

// Read reads a model file.
func Read(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(ModelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != ModelMagic {
		return nil, fmt.Errorf("%w: missing header", ErrBadModel)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 50_000_000 {
		return nil, fmt.Errorf("%w: feature count", ErrBadModel)
	}
	t := &Tagger{w: make(Weights, n)}
	for i := uint64(0); i < n; i++ {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<16 {
			return nil, fmt.Errorf("%w: feature %d", ErrBadModel, i)
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("%w: feature %d: %v", ErrBadModel, i, err)
		}
		var ws [NumTags]float32
		for k := range ws {
			q, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("%w: feature %d weights: %v", ErrBadModel, i, err)
			}
			ws[k] = float32(q) / ModelScale
		}
		t.w[string(b)] = &ws
	}
	nc, err := binary.ReadUvarint(br)
	if err != nil || nc > 10_000_000 {
		return nil, fmt.Errorf("%w: common word count", ErrBadModel)
	}
	common := make([]string, 0, nc)
	for i := uint64(0); i < nc; i++ {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<10 {
			return nil, fmt.Errorf("%w: common word %d", ErrBadModel, i)
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("%w: common word %d: %v", ErrBadModel, i, err)
		}
		common = append(common, string(b))
	}
	t.names = NewNames(common)
	return t, nil
}

// Sentence is one sentence prepared for feature extraction.
type Sentence struct {
	words   []string
	lower   []string
	shapes  []string
	allCaps bool // headline written in capitals
	// listed[i]: the word is capitalised and in the name list (names.go)
	listed []bool
	// docCap[i]: the lowercased word appears capitalised mid-sentence elsewhere in the document;
	// docLow[i]: it appears in lower case elsewhere in the document.
	docCap, docLow []bool
	// docTitle[i]: the word follows a person title somewhere in the document (Mr, Mayor, ...);
	// docSaid[i]: it comes right before a speech verb somewhere in the document.
	docTitle, docSaid []bool
}

// Len is the number of words.
func (s *Sentence) Len() int { return len(s.words) }

func wordShape(w string) string {
	var b strings.Builder
	var last rune = -1
	n := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			n++
			if n >= 2 {
				continue
			}
		} else {
			n = 0
		}
		b.WriteRune(c)
		last = c
	}
	return b.String()
}

// IsCapitalised reports a word whose first letter is upper case.
func IsCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// capsHeadline reports words written mostly in capitals (at least 6
// letters, 90% upper case): a headline.
func capsHeadline(words []string) bool {
	letters, caps := 0, 0
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					caps++
				}
			}
		}
	}
	return letters >= 6 && caps*10 >= letters*9
}

// NewSentence prepares a sentence; doc holds the document-level counts
// (NewDocStats over every sentence of the document; nil means none) and
// names the tagger's name list.
func NewSentence(words []string, doc *DocStats, names *Names) *Sentence {
	s := &Sentence{words: words, lower: make([]string, len(words)), shapes: make([]string, len(words)),
		docCap: make([]bool, len(words)), docLow: make([]bool, len(words)),
		docTitle: make([]bool, len(words)), docSaid: make([]bool, len(words)), listed: make([]bool, len(words))}
	for i, w := range words {
		s.lower[i] = strings.ToLower(w)
		s.shapes[i] = wordShape(w)
		s.listed[i] = IsCapitalised(w) && names.Listed(s.lower[i])
	}
	s.allCaps = capsHeadline(words)
	if doc != nil {
		for i := range words {
			s.docCap[i] = doc.cap[s.lower[i]] > 0
			s.docLow[i] = doc.low[s.lower[i]] > 0
			s.docTitle[i] = doc.title[s.lower[i]] > 0
			s.docSaid[i] = doc.said[s.lower[i]] > 0
		}
	}
	return s
}

var saidWords = map[string]bool{"said": true, "says": true, "told": true, "added": true, "asked": true}

// DocStats counts how each word is written across a document.
type DocStats struct {
	cap   map[string]int // capitalised, not sentence-initial, sentence not all caps
	low   map[string]int // all lower case
	title map[string]int // capitalised, after a person title
	said  map[string]int // capitalised, before a speech verb
}

// NewDocStats counts the words of a document's sentences.
func NewDocStats(sents [][]string) *DocStats {
	d := &DocStats{cap: map[string]int{}, low: map[string]int{}, title: map[string]int{}, said: map[string]int{}}
	for _, ws := range sents {
		for i, w := range ws {
			if !IsCapitalised(w) {
				continue
			}
			l := strings.ToLower(w)
			if i > 0 {
				if t, ok := nlp.LookupTitle(strings.ToLower(ws[i-1])); ok && t.Tagger {
					d.title[l]++
				}
			}
			if i+1 < len(ws) && saidWords[strings.ToLower(ws[i+1])] {
				d.said[l]++
			}
		}
		if capsHeadline(ws) {
			continue
		}
		for i, w := range ws {
			l := strings.ToLower(w)
			if l == w {
				if utf8.RuneCountInString(w) > 1 {
					d.low[l]++
				}
			} else if i > 0 && IsCapitalised(w) && !nlp.IsAllCaps(w) {
				d.cap[l]++
			}
		}
	}
	return d
}

// Features appends the feature strings of word i, given the previous two
// tags, to dst.
func (s *Sentence) Features(dst []string, i int, p1, p2 string) []string {
	dst = s.staticFeatures(dst, i)
	return s.historyFeatures(dst, i, p1, p2)
}

// historyFeatures are the features that depend on the previous tags.
func (s *Sentence) historyFeatures(dst []string, i int, p1, p2 string) []string {
	return append(dst, "p1="+p1, "p12="+p1+"|"+p2, "p1l="+p1+"|"+s.lower[i], "p1sh="+p1+"|"+s.shapes[i])
}

func isNameTitle(lower string) bool {
	t, ok := nlp.LookupTitle(lower)
	return ok && t.Name
}

// staticFeatures are the features of word i that do not depend on tags.
func (s *Sentence) staticFeatures(dst []string, i int) []string {
	w, l, sh := s.words[i], s.lower[i], s.shapes[i]
	at := func(j int) string {
		if j < 0 {
			return "<s>"
		}
		if j >= len(s.words) {
			return "</s>"
		}
		return s.lower[j]
	}
	shp := func(j int) string {
		if j < 0 || j >= len(s.words) {
			return "_"
		}
		return s.shapes[j]
	}
	dst = append(dst, "b",
		"w="+w, "l="+l, "sh="+sh,
		"l-1="+at(i-1), "l+1="+at(i+1), "l-2="+at(i-2), "l+2="+at(i+2),
		"l-1l="+at(i-1)+"|"+l, "ll+1="+l+"|"+at(i+1),
		"sh-1="+shp(i-1)+"|"+sh, "sh+1="+sh+"|"+shp(i+1), "sh-1+1="+shp(i-1)+"|"+sh+"|"+shp(i+1),
	)
	rs := []rune(l)
	for k := 1; k <= 4 && k <= len(rs); k++ {
		dst = append(dst, "pre"+string(rune('0'+k))+"="+string(rs[:k]), "suf"+string(rune('0'+k))+"="+string(rs[len(rs)-k:]))
	}
	if i == 0 {
		dst = append(dst, "first|"+sh)
	}
	if s.allCaps {
		dst = append(dst, "caps", "caps|l="+l)
	}
	if i > 0 && isNameTitle(s.lower[i-1]) {
		dst = append(dst, "title-1|"+sh)
	}
	if i > 1 && isNameTitle(s.lower[i-2]) {
		dst = append(dst, "title-2|"+sh)
	}
	if givenNameGender[l] != 0 && IsCapitalised(w) {
		dst = append(dst, "fname")
	}
	if i > 0 && givenNameGender[s.lower[i-1]] != 0 && IsCapitalised(s.words[i-1]) {
		dst = append(dst, "fname-1|"+sh)
	}
	listed := func(j int) string {
		if j >= 0 && j < len(s.words) && s.listed[j] {
			return "1"
		}
		return "0"
	}
	dst = append(dst, "gz="+listed(i), "gz-1="+listed(i-1)+"|"+listed(i), "gz+1="+listed(i)+"|"+listed(i+1))
	if s.docTitle[i] {
		dst = append(dst, "doc-title")
	}
	if s.docSaid[i] {
		dst = append(dst, "doc-said")
	}
	if IsCapitalised(w) {
		dst = append(dst, docFeat[b2i(s.docCap[i])*4+b2i(s.docLow[i])*2+b2i(i == 0 || s.allCaps)])
	}
	if strings.Contains(w, "-") {
		dst = append(dst, "hyph")
	}
	if i+1 < len(s.words) && (s.lower[i+1] == "'s" || s.lower[i+1] == "'") {
		dst = append(dst, "poss+1|"+sh)
	}
	return dst
}

var docFeat = func() []string {
	out := make([]string, 8)
	for i := range out {
		out[i] = fmt.Sprintf("doc|%d|%d|%d", i>>2&1, i>>1&1, i&1)
	}
	return out
}()

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TagDoc tags every sentence of one document (the document-level features
// need all of them) and returns BIO tags per sentence.
func (t *Tagger) TagDoc(sents [][]string) [][]string {
	ds := NewDocStats(sents)
	out := make([][]string, len(sents))
	var feats []string
	for si, ws := range sents {
		out[si], feats = t.Tag(NewSentence(ws, ds, t.names), feats)
	}
	return out
}

// beamWidth is the number of tag histories kept while decoding (greedy
// decoding is width 1). Width 4 gains ~1.2 PER F1 on eng.testa over greedy
// with the same model.
const beamWidth = 4

type beamState struct {
	tag, back int // tag index; index of the previous state in the previous layer (-1 at start)
	score     float32
}

func (t *Tagger) score(feats []string, sc *[NumTags]float32) {
	for _, f := range feats {
		if x := t.w[f]; x != nil {
			for k := range sc {
				sc[k] += x[k]
			}
		}
	}
}

// Tag decodes one sentence with a beam over tag histories and returns its
// BIO tags; feats is a scratch buffer, returned for reuse.
func (t *Tagger) Tag(s *Sentence, feats []string) ([]string, []string) {
	n := len(s.words)
	layers := make([][]beamState, n)
	prev := []beamState{{tag: -1, back: -1}}
	histTag := func(layer, idx int) (p1, p2 string) {
		p1, p2 = "<s>", "<s>"
		if layer < 0 || idx < 0 {
			return
		}
		st := layers[layer][idx]
		p1 = Tags[st.tag]
		if layer > 0 && st.back >= 0 {
			p2 = Tags[layers[layer-1][st.back].tag]
		}
		return
	}
	var cands []beamState
	for i := 0; i < n; i++ {
		cands = cands[:0]
		// Only capitalised words (and lower-case connectors between two of
		// them: "van", "de") can be part of a name; the rest is O without
		// scoring, which skips most tokens of running text.
		if !s.candidate(i) {
			for bi, b := range prev {
				cands = append(cands, beamState{tag: 0, back: bi, score: b.score})
			}
		} else {
			var static [NumTags]float32
			feats = s.staticFeatures(feats[:0], i)
			t.score(feats, &static)
			for bi, b := range prev {
				p1, p2 := "<s>", "<s>"
				if i > 0 {
					p1, p2 = histTag(i-1, bi)
				}
				sc := static
				feats = s.historyFeatures(feats[:0], i, p1, p2)
				t.score(feats, &sc)
				for k := 0; k < NumTags; k++ {
					// an I- tag must continue an entity of its type
					if k%2 == 0 && k > 0 && p1 != Tags[k-1] && p1 != Tags[k] {
						continue
					}
					cands = append(cands, beamState{tag: k, back: bi, score: b.score + sc[k]})
				}
			}
		}
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
		// keep the best state per (tag, previous tag): equal histories have equal futures
		keep := make([]beamState, 0, beamWidth)
		prevTag := func(c beamState) int {
			if i > 0 && c.back >= 0 {
				return layers[i-1][c.back].tag
			}
			return -1
		}
		for _, c := range cands {
			dup := false
			for _, k := range keep {
				if k.tag == c.tag && prevTag(k) == prevTag(c) {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			keep = append(keep, c)
			if len(keep) == beamWidth {
				break
			}
		}
		layers[i] = keep
		prev = keep
	}
	tags := make([]string, n)
	idx := 0
	for i := n - 1; i >= 0; i-- {
		st := layers[i][idx]
		tags[i] = Tags[st.tag]
		idx = st.back
	}
	return tags, feats
}

func (s *Sentence) candidate(i int) bool {
	if s.allCaps || hasUpper(s.words[i]) {
		return true
	}
	if i+1 < len(s.words) && nameParticles[s.lower[i]] && hasUpper(s.words[i+1]) {
		return true
	}
	return i > 0 && i+1 < len(s.words) && hasUpper(s.words[i-1]) && hasUpper(s.words[i+1])
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// Span is an entity over word indexes [Start, End) of a sentence.
type Span struct {
	Type       string
	Start, End int
}

// Entities reads BIO tags into spans.
func Entities(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); i++ {
		if tags[i] == "O" {
			continue
		}
		typ := tags[i][2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, Span{typ, i, j})
		i = j - 1
	}
	return out
}
