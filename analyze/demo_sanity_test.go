package analyze

import (
	"os"
	"testing"

	"github.com/xenoscope/xenoscope/demo"
	"github.com/xenoscope/xenoscope/model"
)

// TestDemoSanity compares scores with what the synthetic demo generator put
// into each article (Article.HateCrime, Article.Migration). It is a sanity
// check, not a test set: the corpus is synthetic, and it is never tuned on.
// It only logs its figures (XS_DEMO_SANITY=1 go test ./analyze/ -run
// TestDemoSanity -v); docs/analysis.md records them.
func TestDemoSanity(t *testing.T) {
	if os.Getenv("XS_DEMO_SANITY") == "" {
		t.Skip("set XS_DEMO_SANITY=1 to measure")
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	c, err := demo.Generate(demo.CorpusOptions{Seed: 1, Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	var hc, mig [2][2]int // [truth][predicted]
	fpTopics := map[string]int{}
	fnTopics := map[string]int{}
	for _, a := range c.Articles {
		sc := s.Score("", a.Title+"\n\n"+a.Text(), model.TextContext{})
		p := b2i(sc.HateCrimeReport >= 0.5)
		hc[b2i(a.HateCrime)][p]++
		if p == 1 && !a.HateCrime {
			fpTopics[a.Topic]++
		}
		if p == 0 && a.HateCrime {
			fnTopics[a.Topic]++
		}
		mig[b2i(a.Migration)][b2i(sc.Migration >= 0.5)]++
	}
	report := func(name string, m [2][2]int) {
		tp, fp, fn, tn := m[1][1], m[0][1], m[1][0], m[0][0]
		p := float64(tp) / float64(max(tp+fp, 1))
		r := float64(tp) / float64(max(tp+fn, 1))
		t.Logf("%s: n=%d TP=%d FP=%d FN=%d TN=%d precision %.3f recall %.3f", name, tp+fp+fn+tn, tp, fp, fn, tn, p, r)
	}
	report("hate_crime_report>=0.5 vs Article.HateCrime", hc)
	report("migration>=0.5 vs Article.Migration", mig)
	t.Logf("hate-crime false positives by topic: %v; false negatives by topic: %v", fpTopics, fnTopics)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
