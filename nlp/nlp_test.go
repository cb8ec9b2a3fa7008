package nlp

import (
	"slices"
	"strings"
	"sync"
	"testing"

	prose2 "github.com/jdkato/prose/v2"
	prose3 "github.com/jdkato/prose/v3"

	"github.com/xenoscope/xenoscope/internal/articles"
	"github.com/xenoscope/xenoscope/internal/shareddata"
)

// Posts that write clitics apart keep them: "doesn ’ t" is one negation.
func TestParseJoinsSpacedClitics(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"he doesn ’ t really hate them", []string{"he", "doesn't", "really", "hate", "them"}},
		{"they ’ re here and i ' m off", []string{"they're", "here", "and", "i'm", "off"}},
		{"it ain ’ t so", []string{"it", "ain't", "so"}},
		{"the ' t ' key", []string{"the", "'", "t", "'", "key"}}, // no word ending in n before "t"
		{"he said ' right ' then", []string{"he", "said", "'", "right", "'", "then"}},
		{"They don’t belong here", []string{"they", "don't", "belong", "here"}},
	} {
		d := Parse(tc.in)
		var got []string
		for _, tk := range d.Tokens {
			got = append(got, tk.Lower)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Parse(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if tr := ParseWith(tc.in, Options{Treebank: true}); len(tr.Tokens) < len(d.Tokens) {
			t.Errorf("ParseWith(%q, Treebank) joined tokens: %d < %d", tc.in, len(tr.Tokens), len(d.Tokens))
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // lowered forms
	}{
		{"They don’t belong here!!!", []string{"they", "don't", "belong", "here", "!!!"}},
		{"Send them back @user #StopTheInvasion https://t.co/abc.", []string{"send", "them", "back", "@user", "#stoptheinvasion", "https://t.co/abc", "."}},
		{"The U.S. took 3,500 refugees (2019) :) <3", []string{"the", "u.s.", "took", "3,500", "refugees", "(", "2019", ")", ":)", "<3"}},
		{"anti-migrant rhetoric, 10th time", []string{"anti-migrant", "rhetoric", ",", "10th", "time"}},
		{"Émigrés «welcome»", []string{"émigrés", "«", "welcome", "»"}},
		{"", nil},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.in)
		var got []string
		for _, tk := range toks {
			got = append(got, tk.Lower)
			if tk.Start < 0 || tk.End > len(tc.in) || tk.Start >= tk.End {
				t.Fatalf("%q: bad offsets %+v", tc.in, tk)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	kinds := Tokenize("@a #b http://x.y 12 w .")
	want := []Kind{Handle, Hashtag, URL, Number, Word, Punct}
	for i, k := range want {
		if kinds[i].Kind != k {
			t.Errorf("token %d kind %v, want %v", i, kinds[i].Kind, k)
		}
	}
}

func TestSegment(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Smith met Dr. Jones. They talked about the U.S. economy! Was it good? Yes.",
			[]string{"Mr. Smith met Dr. Jones.", "They talked about the U.S. economy!", "Was it good?", "Yes."}},
		{`"We welcome them," said the mayor. Others disagreed.`,
			[]string{`"We welcome them," said the mayor.`, "Others disagreed."}},
		{"He said \u201cgo home.\u201d Then he left.", []string{"He said \u201cgo home.\u201d", "Then he left."}},
		{"Headline without period\nBody starts here. It costs 3.5 million.",
			[]string{"Headline without period", "Body starts here.", "It costs 3.5 million."}},
		{"J. K. Rowling wrote e.g. books.", []string{"J. K. Rowling wrote e.g. books."}},
		{"   ", nil},
	}
	for _, tc := range tests {
		d := Parse(tc.in)
		var got []string
		for i := range d.Sentences {
			got = append(got, d.SentenceText(i))
		}
		if strings.Join(got, "‖") != strings.Join(tc.want, "‖") {
			t.Errorf("Parse(%q) sentences = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func articleBodies(tb testing.TB) []string {
	tb.Helper()
	out, err := articles.ReadBodies(shareddata.Require(tb, "articles", "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestOffsetsOnArticles checks the offset invariants on the 88 real bodies:
// tokens are in order and non-overlapping, every non-space byte is covered by
// a token, sentences partition the tokens.
func TestOffsetsOnArticles(t *testing.T) {
	for ai, body := range articleBodies(t) {
		d := Parse(body)
		covered := make([]bool, len(body))
		prev := 0
		for _, tk := range d.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(body) {
				t.Fatalf("article %d: bad token %+v after %d", ai, tk, prev)
			}
			for i := tk.Start; i < tk.End; i++ {
				covered[i] = true
			}
			prev = tk.End
		}
		for i, c := range covered {
			if !c && !strings.ContainsRune(" \t\n\r\u00a0\u2009\u200a\u202f\u2028\u2029\u3000\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u205f\u1680\u0085\v\f", rune(body[i])) && body[i] < 0x80 {
				t.Fatalf("article %d: byte %d %q not covered", ai, i, body[i])
			}
		}
		next := 0
		for si, s := range d.Sentences {
			if s.TokStart != next || s.TokEnd <= s.TokStart {
				t.Fatalf("article %d sentence %d: tokens %d..%d, want start %d", ai, si, s.TokStart, s.TokEnd, next)
			}
			next = s.TokEnd
			if s.Start != d.Tokens[s.TokStart].Start || s.End != d.Tokens[s.TokEnd-1].End {
				t.Fatalf("article %d sentence %d: span mismatch", ai, si)
			}
		}
		if next != len(d.Tokens) {
			t.Fatalf("article %d: sentences cover %d of %d tokens", ai, next, len(d.Tokens))
		}
	}
}

func TestEntitiesOffsetsAndConcurrency(t *testing.T) {
	src := "Yesterday the mayor, Jane Doe, met Angela Merkel in Leeds. Nothing else happened."
	d := Parse(src)
	var wg sync.WaitGroup
	results := make([][]Entity, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := d.Sentences[0]
			results[g] = Entities(src, s.Start, s.End)
		}()
	}
	wg.Wait()
	if len(results[0]) == 0 {
		t.Fatalf("no entities found in %q", src)
	}
	for g := range results {
		if len(results[g]) != len(results[0]) {
			t.Fatalf("goroutine %d: %d entities, goroutine 0: %d", g, len(results[g]), len(results[0]))
		}
		for _, e := range results[g] {
			if src[e.Start:e.End] != e.Text {
				t.Fatalf("entity %+v: offsets point at %q", e, src[e.Start:e.End])
			}
		}
	}
	found := false
	for _, e := range results[0] {
		if strings.Contains(e.Text, "Jane Doe") {
			found = true
		}
	}
	if !found {
		t.Errorf("Jane Doe not among entities %+v", results[0])
	}
	if !HasCapitalisedCandidate(src, d.SentenceTokens(0)) || HasCapitalisedCandidate(d.Text, d.SentenceTokens(1)) {
		t.Errorf("HasCapitalisedCandidate wrong")
	}
	toks := d.SentenceTokens(1)
	Tag(src, toks)
	if toks[1].Tag != "RB" && toks[1].Tag != "NN" {
		t.Logf("tag of %q = %s", toks[1].Text(src), toks[1].Tag)
	}
	for _, tk := range toks {
		if tk.Tag == "" {
			t.Fatalf("token %q untagged", tk.Text(src))
		}
	}
}

func wordsOf(bodies []string) int {
	n := 0
	for _, b := range bodies {
		n += len(strings.Fields(b))
	}
	return n
}

// BenchmarkPipelines measures, side by side on the 88 shared article bodies,
// prose v2 and prose v3 (segment+tokenize, +tag, +NER; models reused) and this
// package's Parse. Words are whitespace-separated fields.
func BenchmarkPipelines(b *testing.B) {
	bodies := articleBodies(b)
	words := float64(wordsOf(bodies))
	m2doc, err := prose2.NewDocument("Warm up.")
	if err != nil {
		b.Fatal(err)
	}
	m2 := m2doc.Model
	report := func(b *testing.B) {
		b.ReportMetric(words*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	}
	b.Run("v2/segment+tokenize", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				if _, err := prose2.NewDocument(t, prose2.UsingModel(m2), prose2.WithTagging(false), prose2.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("v2/+tag", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				if _, err := prose2.NewDocument(t, prose2.UsingModel(m2), prose2.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("v2/+tag+ner", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				if _, err := prose2.NewDocument(t, prose2.UsingModel(m2)); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("v3/segment+tokenize", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				if _, err := prose3.NewDocument(t, prose3.WithTagging(false), prose3.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("v3/+tag", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				if _, err := prose3.NewDocument(t, prose3.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("v3/+tag+ner", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				if _, err := prose3.NewDocument(t); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("nlp/Parse", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				Parse(t)
			}
		}
		report(b)
	})
	b.Run("nlp/Parse+NER-on-candidates", func(b *testing.B) {
		for b.Loop() {
			for _, t := range bodies {
				d := Parse(t)
				for i, s := range d.Sentences {
					if HasCapitalisedCandidate(t, d.SentenceTokens(i)) {
						Entities(t, s.Start, s.End)
					}
				}
			}
		}
		report(b)
	})
}

func TestTreebankTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string // verbatim token texts
	}{
		{"Clinton's aide doesn’t know Sen. Cruz's plan.", []string{"Clinton", "'s", "aide", "does", "n’t", "know", "Sen.", "Cruz", "'s", "plan", "."}},
		{"Levy 's visit , do n't", []string{"Levy", "'s", "visit", ",", "do", "n't"}},
		{"James P. Kennedy Jr. left the U.S. on Jan. 5.", []string{"James", "P.", "Kennedy", "Jr.", "left", "the", "U.S.", "on", "Jan.", "5", "."}},
		{"“Go,” said O'Brien’s mother.", []string{"“", "Go", ",", "”", "said", "O'Brien", "’s", "mother", "."}},
		{"the teachers' union", []string{"the", "teachers", "'", "union"}},
		{"4. Teutenberg 4 seconds", []string{"4.", "Teutenberg", "4", "seconds"}},
		{"Croft 29-6-64-1 , Cork took 4.", []string{"Croft", "29-6-64-1", ",", "Cork", "took", "4", "."}},
	}
	for _, tc := range tests {
		d := ParseWith(tc.in, Options{Treebank: true})
		var got []string
		for _, tk := range d.Tokens {
			got = append(got, tk.Text(tc.in))
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("treebank %q = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSegmentBoundary(t *testing.T) {
	t.Parallel()
	text := "“Why?” Schiff asked. He left.\n“Go.” Next"
	// a boundary hook that refuses every boundary: only line breaks split
	d := ParseWith(text, Options{Boundary: func(string, []Token, int) bool { return false }})
	var got []string
	for i := range d.Sentences {
		got = append(got, d.SentenceText(i))
	}
	want := []string{"“Why?” Schiff asked. He left.", "“Go.” Next"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
	if !d.Sentences[1].ParagraphBoundary {
		t.Error("the line break does not start a paragraph")
	}
	// a sentence that ends with a closing quote before a line break: the
	// next one starts a paragraph (the closing mark was absorbed first)
	d = Parse("He said \"go.\"\n\nShe left. Then she came back.")
	if len(d.Sentences) != 3 || !d.Sentences[1].ParagraphBoundary || d.Sentences[2].ParagraphBoundary {
		t.Errorf("paragraphs after a closing quote: %+v", d.Sentences)
	}
}
