package extract

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary bytes and Content-Type headers to Extract.
// Seeds live in testdata/fuzz/FuzzExtract/ (malformed markup, legacy and
// bogus charsets, BOMs, broken JSON-LD, binary data ...). Run longer with
//
//	go test ./extract -run '^$' -fuzz FuzzExtract -fuzztime 60s
func FuzzExtract(f *testing.F) {
	f.Add([]byte("<html><body><article><p>Hello, world. This is a short article.</p></article></body></html>"), "text/html")
	f.Fuzz(func(t *testing.T, raw []byte, contentType string) {
		r, err := Extract(raw, "https://fuzz.example/a", contentType)
		if err != nil {
			if !errors.Is(err, ErrNoContent) && !errors.Is(err, ErrNotHTML) &&
				!errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrTooComplex) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			if r != nil {
				t.Fatal("non-nil result with an error")
			}
			return
		}
		if r.Text == "" {
			t.Fatal("success with empty text")
		}
		for _, s := range append([]string{r.Text, r.Title, r.Language}, r.Authors...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
		}
		if strings.Contains(r.Text, "\n\n\n") || strings.TrimSpace(r.Text) != r.Text {
			t.Fatalf("badly separated paragraphs: %q", r.Text)
		}
		if r.Authors == nil {
			t.Fatal("nil Authors")
		}
		if r.Language != "" && len(r.Language) != 2 {
			t.Fatalf("language %q is not ISO 639-1", r.Language)
		}
		if r.Words != Words(r.Text) || r.Words < minBodyWords {
			t.Fatalf("Words %d for a text of %d words", r.Words, Words(r.Text))
		}
		if ok, reason := IsArticle(r, 0); ok == (reason != "") {
			t.Fatalf("IsArticle = %v with reason %q", ok, reason)
		}
	})
}
