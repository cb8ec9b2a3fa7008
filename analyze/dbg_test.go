package analyze

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/nlp"
)

func TestDbgFeats(t *testing.T) {
	txt := os.Getenv("XS_TXT")
	if txt == "" {
		t.Skip()
	}
	s := newTestScorer(t)
	for _, line := range strings.Split(txt, "|") {
		d := nlp.Parse(line)
		u := s.buildUnit(line, d.Tokens)
		var names []string
		for _, f := range s.targetFeats(u.ti, u) {
			names = append(names, f.name)
		}
		fmt.Println(line, names)
		var ws []string
		for _, w := range u.ti.words {
			ws = append(ws, fmt.Sprintf("%s/%s/%d", w.w, w.tag, w.cl))
		}
		fmt.Println("  ", strings.Join(ws, " "))
		for _, m := range u.ti.mentions {
			fmt.Printf("  mention %d-%d kind=%d\n", m.i, m.j, m.kind)
		}
		for _, h := range u.ti.hits {
			fmt.Printf("  hit %s %d-%d\n", catNames[h.section], h.start, h.end)
		}
		for _, l := range u.ti.links {
			fmt.Printf("  link cat=%s %q kind=%d linked=%v status=%d modal=%v ti=%d\n", catNames[l.cat], u.ti.words[l.i].w, l.kind, l.linked, l.status, l.modal, l.ti)
		}
	}
}

func TestDbgHate(t *testing.T) {
	txt := os.Getenv("XS_HTXT")
	if txt == "" {
		t.Skip()
	}
	s := newTestScorer(t)
	for _, line := range strings.Split(txt, "|") {
		d := nlp.Parse(line)
		u := s.buildUnit(line, d.Tokens)
		fs := s.hateFeats(u)
		var names []string
		for _, f := range fs {
			names = append(names, f.name)
		}
		noMot := false
		for i := range u.words {
			noMot = noMot || noMotive(u.words, i)
		}
		fmt.Println(line, names, "migrant", u.ti.migrant, "perp", migrantPerpetrator(u), "nomotive", noMot)
	}
}

func TestDbgDoc(t *testing.T) {
	txt := os.Getenv("XS_DTXT")
	if txt == "" {
		t.Skip()
	}
	s := newTestScorer(t)
	d := nlp.Parse(txt)
	ctx := false
	for i := range d.Sentences {
		u := s.buildUnitCtx(txt, d.SentenceTokens(i), ctx)
		fmt.Println(i, "ctx", ctx, "tagged", u.ti.tagged, "migrant", u.ti.migrant, len(u.ti.words), s.scoreUnit(u))
		for _, w := range u.ti.words {
			fmt.Printf(" %s/%s", w.w, w.tag)
		}
		fmt.Println()
		for _, h := range u.ti.hits {
			fmt.Printf("  hit %s %d-%d\n", catNames[h.section], h.start, h.end)
		}
		for _, l := range u.ti.links {
			fmt.Printf("  link cat=%d %q kind=%d linked=%v status=%d\n", l.cat, u.ti.words[l.i].w, l.kind, l.linked, l.status)
		}
		ctx = u.ti.migrant
	}
}
