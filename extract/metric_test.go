package extract

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/xenoscope/xenoscope/internal/articles"
	"github.com/xenoscope/xenoscope/internal/shareddata"
	"golang.org/x/net/html"
)

// This file reproduces the metric of scrapinghub/article-extraction-benchmark
// (evaluate.py) exactly:
//   - tokens are the matches of Python's `\w+` with re.UNICODE: runs of
//     letters, numbers and '_' (case is kept: IGNORECASE does not change \w);
//   - shingles are 4-token tuples counted as a multiset (collections.Counter);
//     a text with fewer than 4 tokens has one shorter shingle, an empty text none;
//   - per page tp/fp/fn are normalised to sum to 1;
//   - precision is averaged over pages with tp+fp > 0, recall over pages with
//     tp+fn > 0 (with P = R = 1 when fp = fn = 0), and F1 is the harmonic mean
//     of the two averages (not the mean of per-page F1).
// The benchmark also deletes U+00AD (soft hyphen) from extractor output.

// benchTokens splits s like Python's re.findall(r'\w+', s).
func benchTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

func shingles(s string) map[string]int {
	toks := benchTokens(s)
	m := map[string]int{}
	if len(toks) == 0 {
		return m
	}
	if len(toks) < 4 {
		m[strings.Join(toks, "\x00")]++
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[strings.Join(toks[i:i+4], "\x00")]++
	}
	return m
}

// pageScore is one page's normalised tp, fp, fn.
type pageScore struct{ tp, fp, fn float64 }

func shingleMatch(truth, pred string) pageScore {
	ts, ps := shingles(truth), shingles(pred)
	var s pageScore
	for k, tc := range ts {
		pc := ps[k]
		s.tp += float64(min(tc, pc))
		s.fn += float64(max(0, tc-pc))
		s.fp += float64(max(0, pc-tc))
	}
	for k, pc := range ps {
		if _, ok := ts[k]; !ok {
			s.fp += float64(pc)
		}
	}
	if sum := s.tp + s.fp + s.fn; sum > 0 {
		s.tp, s.fp, s.fn = s.tp/sum, s.fp/sum, s.fn/sum
	}
	return s
}

func (s pageScore) precision() float64 {
	if s.fp == 0 && s.fn == 0 {
		return 1
	}
	if s.tp == 0 && s.fp == 0 {
		return 0
	}
	return s.tp / (s.tp + s.fp)
}

func (s pageScore) recall() float64 {
	if s.fp == 0 && s.fn == 0 {
		return 1
	}
	if s.tp == 0 && s.fn == 0 {
		return 0
	}
	return s.tp / (s.tp + s.fn)
}

// aggregate returns the benchmark's precision, recall and F1 over pages.
func aggregate(scores []pageScore) (p, r, f1 float64) {
	var np, nr int
	for _, s := range scores {
		if s.tp+s.fp > 0 {
			p += s.precision()
			np++
		}
		if s.tp+s.fn > 0 {
			r += s.recall()
			nr++
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// benchPage is one page of ../shared/data/articles.
type benchPage struct {
	ID, URL, Body string
	HTML          []byte
}

func loadBenchPages(tb testing.TB) []benchPage {
	tb.Helper()
	dir := shareddata.Require(tb, "articles")
	gt, err := articles.ReadGroundTruth(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Fatalf("ground-truth.json: %v", err)
	}
	pages := make([]benchPage, 0, len(gt))
	for _, a := range gt {
		raw, err := articles.ReadHTML(dir, a.ID)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, benchPage{ID: a.ID, URL: a.URL, Body: a.Body, HTML: raw})
	}
	if len(pages) == 0 {
		tb.Fatal("no pages in ground-truth.json")
	}
	return pages
}

func TestShingleMetric(t *testing.T) {
	cases := []struct {
		name, truth, pred string
		tp, fp, fn        float64
	}{
		{"identical", "a b c d e", "a b c d e", 1, 0, 0},
		{"punctuation and case ignored only for punctuation", "A b, c d!", "A b c d", 1, 0, 0},
		{"case kept", "A b c d", "a b c d", 0, 0.5, 0.5},
		{"short text one shingle", "a b", "a b", 1, 0, 0},
		{"empty pred", "a b c d", "", 0, 0, 1},
		{"both empty", "", "", 0, 0, 0},
		{"multiset", "a b c d a b c d", "a b c d", 1.0 / 5, 0, 4.0 / 5},
		{"unicode word chars", "Müller über straße ½", "Müller über straße ½", 1, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := shingleMatch(c.truth, c.pred)
			if abs(s.tp-c.tp) > 1e-9 || abs(s.fp-c.fp) > 1e-9 || abs(s.fn-c.fn) > 1e-9 {
				t.Errorf("got %+v, want tp=%v fp=%v fn=%v", s, c.tp, c.fp, c.fn)
			}
		})
	}
	// Aggregation: precision over pages with tp+fp>0, recall over tp+fn>0.
	p, r, f1 := aggregate([]pageScore{{1, 0, 0}, {0, 0, 1}, {0.5, 0.5, 0}})
	if abs(p-0.75) > 1e-9 || abs(r-2.0/3) > 1e-9 || abs(f1-2*0.75*(2.0/3)/(0.75+2.0/3)) > 1e-9 {
		t.Errorf("aggregate = %v %v %v", p, r, f1)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func mustParseFragment(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<body>" + s + "</body>"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
