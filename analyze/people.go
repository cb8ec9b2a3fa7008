package analyze

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/nlp"
)

// AttributionVersion identifies the People finder's behaviour (its tagger,
// rules and figure registry), "" without a finder or when it has no
// version. It is kept apart from Version: a registry change re-attributes
// documents (mentions and statements) without rescoring them.
func (s *Scorer) AttributionVersion() string {
	if v, ok := s.People.(interface{ Version() string }); ok {
		return v.Version()
	}
	return ""
}

// Attribute finds the person mentions and attributed quotes of text with
// s.People and scores each quote: counter_speech and anti_migrant of the
// quote's own words (a quotation nested inside it is someone else's and is
// blanked before scoring), gated by Migration, the higher of the quote's
// own migration probability and that of the sentences it overlaps and the
// sentence before them (sents: the document's sentence scores, from Score
// or as stored). Re-attribution calls it with stored sentence scores, so
// the scores need not be recomputed.
func (s *Scorer) Attribute(text string, tc model.TextContext, sents []model.SentenceScore) ([]model.Mention, []model.Quote) {
	if s.People == nil {
		return []model.Mention{}, []model.Quote{}
	}
	if _, ok := textLanguage(text, tc.Language); !ok {
		return []model.Mention{}, []model.Quote{} // not scored, not attributed
	}
	return s.attribute(text, tc, sents)
}

// attribute is Attribute for a text known to be scored (Score has detected
// its language already: detecting it twice cost a tenth of Score's time).
func (s *Scorer) attribute(text string, tc model.TextContext, sents []model.SentenceScore) ([]model.Mention, []model.Quote) {
	ms, qs := s.People.Find(text, tc)
	for i := range qs {
		q := &qs[i]
		if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
			continue
		}
		own := ownWords(text[q.Start:q.End])
		qd := nlp.Parse(own)
		r := s.scoreUnit(s.buildUnit(own, qd.Tokens))
		rel := quoteRelevance(r.migration, q.Start, q.End, sents)
		g := 1.0
		if rel < 0.5 {
			g = rel / 0.5
		}
		q.CounterSpeech, q.AntiMigrant, q.Migration = r.counter*g, r.anti*g, rel
	}
	if ms == nil {
		ms = []model.Mention{}
	}
	if qs == nil {
		qs = []model.Quote{}
	}
	return ms, qs
}

// quoteRelevance is how much a quote is about migration: a figure
// "addresses xenophobia" or "promotes hostility" only in a statement on
// migrants, not with a housing quote that happens to sound welcoming. It is
// the higher of the quote's own migration probability and that of the
// sentences it overlaps and the sentence before them (a quote often says
// "them" where the sentence before it names refugees). Scores are gated by
// 1 when it is >= 0.5 and by relevance/0.5 below.
func quoteRelevance(quoteMigration float64, start, end int, sents []model.SentenceScore) float64 {
	rel := quoteMigration
	for j, u := range sents {
		if u.Start < end && u.End > start {
			rel = math.Max(rel, u.Migration)
			if j > 0 {
				rel = math.Max(rel, sents[j-1].Migration)
			}
		}
	}
	return rel
}

// ownWords blanks (with spaces, keeping byte offsets) every passage inside
// quotation marks within a quote's text: a mayor quoting a slur to condemn
// it ("when leaflets say 'go home', we answer …") is scored on her own
// words only.
func ownWords(q string) string {
	var b strings.Builder
	b.Grow(len(q))
	depth := 0
	var closer rune
	for i := 0; i < len(q); {
		r, sz := utf8.DecodeRuneInString(q[i:])
		open := false
		switch r {
		case '“', '‘', '"', '«':
			if depth == 0 && (r != '"' || i == 0 || q[i-1] == ' ' || q[i-1] == '(') {
				open = true
				closer = map[rune]rune{'“': '”', '‘': '’', '"': '"', '«': '»'}[r]
			}
		}
		switch {
		case open:
			depth = 1
			b.WriteString(strings.Repeat(" ", sz))
		case depth > 0 && r == closer && (r != '’' || i+sz >= len(q) || !isLetterByte(q[i+sz])):
			depth = 0
			b.WriteString(strings.Repeat(" ", sz))
		case depth > 0:
			b.WriteString(strings.Repeat(" ", sz))
		default:
			b.WriteString(q[i : i+sz])
		}
		i += sz
	}
	if depth > 0 { // never closed: not a nested quotation after all
		return q
	}
	return b.String()
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
