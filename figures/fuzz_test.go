package figures

import (
	"testing"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/model"
)

// FuzzFind: any input gives valid offsets and never panics.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We welcome everyone," said Jane Doe.`, `“Open quote never closed`, `"`, `""`, `“”`, "”“", `He said: "`,
		"According to", "according to X,", ", said", "Ms. . . Doe's 's", "MAYOR DOE SAYS \"NO\"", "\n\n\"a\"\n\"b\" he said",
		"Jane Doe, the mayor, said", "\xff\xfe said \"x\"", "de Silva said that", "“Hands! ” an officer ordered. “Step out.”",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	fd, err := NewFinder(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, statements bool) {
		tc := model.TextContext{Kind: model.KindNews}
		if statements {
			tc = model.TextContext{Kind: model.KindStatements, Speaker: "Jane Doe"}
		}
		ms, qs := fd.Find(text, tc)
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text || m.Name == "" {
				t.Fatalf("bad mention %+v", m)
			}
		}
		for _, q := range qs {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad quote %+v", q)
			}
			if utf8.ValidString(text) && !utf8.ValidString(q.Text) {
				t.Fatalf("quote splits a rune: %q", q.Text)
			}
		}
	})
}
