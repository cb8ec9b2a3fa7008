package nlp

import (
	"fmt"
	"sync"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

// models holds prose v3's tokenizer, tagger and entity extractor. They are
// decoded once per process (sync.Once) and are safe for concurrent use.
type models struct {
	tok    *tokenize.Tokenizer
	tagger *tag.Tagger
	ner    *ner.Extracter
}

var loadModels = sync.OnceValues(func() (*models, error) {
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("load prose tagger: %w", err)
	}
	ex, err := ner.New()
	if err != nil {
		return nil, fmt.Errorf("load prose entity model: %w", err)
	}
	return &models{tok: tokenize.New(), tagger: tg, ner: ex}, nil
})

// Load decodes prose's models now (they are otherwise loaded on first use)
// and reports a load failure.
func Load() error {
	_, err := loadModels()
	return err
}

func mustModels() *models {
	m, err := loadModels()
	if err != nil {
		// The models are embedded in the prose module; failing to decode
		// them is a build defect, not a runtime condition.
		panic(err)
	}
	return m
}

// Tag fills the Tag field of toks (which must come from src, typically one
// sentence's tokens) with prose v3's averaged-perceptron POS tagger.
func Tag(src string, toks []Token) {
	if len(toks) == 0 {
		return
	}
	m := mustModels()
	pt := make([]token.Token, len(toks))
	for i, t := range toks {
		pt[i] = token.Token{Text: src[t.Start:t.End], Start: t.Start}
	}
	m.tagger.TagTokens(pt)
	for i := range toks {
		toks[i].Tag = pt[i].Tag
	}
}

// TaggedToken is a prose token with absolute byte offsets, POS tag and IOB
// entity label.
type TaggedToken struct {
	Start, End int
	Text       string
	Tag        string
	Label      string // IOB entity label (B-PERSON, I-GPE, O ...); "" unless entities were requested
}

// Entity is a named entity found by prose, with absolute byte offsets.
type Entity struct {
	Start, End int
	Text       string
	Label      string // PERSON, GPE, ORG, ...
}

// ProseTokens runs prose v3's own tokenizer and tagger on src[start:end]
// (typically one sentence) and returns its tokens with offsets into src.
// withLabels also runs the entity classifier and fills Label.
func ProseTokens(src string, start, end int, withLabels bool) []TaggedToken {
	span := src[start:end]
	m := mustModels()
	pt := m.tok.Tokenize(span)
	m.tagger.TagTokens(pt)
	if withLabels {
		m.ner.Label(pt)
	}
	out := make([]TaggedToken, len(pt))
	for i, t := range pt {
		out[i] = TaggedToken{Start: start + t.Start, End: start + t.End(), Text: t.Text, Tag: t.Tag, Label: t.Label}
	}
	return out
}

// Entities runs prose v3's tokenizer, tagger and entity extractor on
// src[start:end] and returns the entities with offsets into src. Run it on
// candidate sentences only: it is the expensive part of prose.
func Entities(src string, start, end int) []Entity {
	span := src[start:end]
	m := mustModels()
	pt := m.tok.Tokenize(span)
	m.tagger.TagTokens(pt)
	m.ner.Label(pt)
	ents := m.ner.Chunk(span, pt)
	out := make([]Entity, 0, len(ents))
	for _, e := range ents {
		out = append(out, Entity{Start: start + e.Start, End: start + e.End(), Text: e.Text, Label: e.Label})
	}
	return out
}

// HasCapitalisedCandidate reports whether a sentence has a capitalised word
// that is not its first word: the cheap filter for running Entities.
func HasCapitalisedCandidate(src string, toks []Token) bool {
	for i, t := range toks {
		if t.Kind != Word {
			continue
		}
		c := src[t.Start]
		if c >= 'A' && c <= 'Z' {
			if i == 0 {
				continue
			}
			// sentence-initial after an opening quote
			if i == 1 && toks[0].Kind == Punct {
				continue
			}
			return true
		}
	}
	return false
}
