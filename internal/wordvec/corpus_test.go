package wordvec

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/xenoscope/xenoscope/internal/shareddata"
)

// tokenize lowercases s and splits it on everything but letters, digits
// and apostrophes; tokens made only of apostrophes are dropped.
func tokenize(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	out := f[:0]
	for _, t := range f {
		if strings.Trim(t, "'") != "" {
			out = append(out, t)
		}
	}
	return out
}

// sentimentFiles are the VADER ground-truth files (id TAB rating TAB text).
var sentimentFiles = []string{
	"movieReviewSnippets_GroundTruth.txt",
	"amazonReviewSnippets_GroundTruth.txt",
	"tweets_GroundTruth.txt",
}

// loadCorpus reads the test corpus from ../shared/data: the text column of
// the three sentiment/*_GroundTruth.txt files (one sentence per line) and the
// tokens of ner/eng.train (CoNLL-2003: first column, blank line ends a
// sentence, -DOCSTART- skipped). It skips tb when the data is absent.
func loadCorpus(tb testing.TB) [][]string {
	tb.Helper()
	var paths []string
	for _, f := range sentimentFiles {
		paths = append(paths, shareddata.Require(tb, "sentiment", f))
	}
	conll := shareddata.Require(tb, "ner", "eng.train")
	var out [][]string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			cols := strings.SplitN(sc.Text(), "\t", 3)
			if len(cols) != 3 {
				continue
			}
			if toks := tokenize(cols[2]); len(toks) > 0 {
				out = append(out, toks)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			tb.Fatalf("read %s: %v", p, err)
		}
	}
	f, err := os.Open(conll)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var sent []string
	flush := func() {
		if len(sent) > 0 {
			out = append(out, sent)
			sent = nil
		}
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		tok, _, _ := strings.Cut(line, " ")
		if tok == "-DOCSTART-" {
			continue
		}
		sent = append(sent, tokenize(tok)...)
	}
	flush()
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", conll, err)
	}
	return out
}

func countTokens(c [][]string) int {
	n := 0
	for _, s := range c {
		n += len(s)
	}
	return n
}

var (
	sharedOnce    sync.Once
	sharedCorpus  [][]string
	sharedVectors *Vectors
	sharedErr     error
)

// trained returns the corpus and DefaultOptions vectors trained on it, once
// per test binary.
func trained(t *testing.T) ([][]string, *Vectors) {
	t.Helper()
	corpus := loadCorpus(t) // skips without ../shared
	sharedOnce.Do(func() {
		sharedCorpus = corpus
		sharedVectors, sharedErr = Train(corpus, DefaultOptions())
	})
	if sharedErr != nil {
		t.Fatalf("Train: %v", sharedErr)
	}
	return sharedCorpus, sharedVectors
}
