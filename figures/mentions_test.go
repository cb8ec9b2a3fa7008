package figures

import (
	"flag"
	"os"
	"testing"

	"github.com/xenoscope/xenoscope/figures/nertrain"
	"github.com/xenoscope/xenoscope/internal/shareddata"
	"github.com/xenoscope/xenoscope/model"
)

func readCoNLL(t testing.TB, parts ...string) []nertrain.Sentence {
	t.Helper()
	f, err := os.Open(shareddata.Require(t, parts...))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := nertrain.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// mentionScore runs every sentence through fd.Find as its own text (tokens
// joined by spaces, as `score` gets one line) and scores the person
// mentions by exact byte span against the gold PER spans.
func mentionScore(fd *Finder, sents []nertrain.Sentence) nertrain.Score {
	var sc nertrain.Score
	for _, s := range sents {
		text, offs := nertrain.JoinWords(s.Words)
		ms, _ := fd.Find(text, model.TextContext{Kind: model.KindNews})
		pred := make([][2]int, len(ms))
		for i, m := range ms {
			pred[i] = [2]int{m.Start, m.End}
		}
		sc.Add(s.Tags, offs, pred)
	}
	return sc
}

// TestMentionsCoNLLTesta measures person mentions as `score` returns them:
// each eng.testa sentence is one text through Find, and a mention counts
// when its byte span is exactly a gold PER span. This is where names in
// lists, lone surnames and capitals headlines used to be lost between the
// tagger and the mentions (recall 0.805 before). eng.testa's misses were
// read while writing those rules, so TestMentionsValidation is the
// untouched check.
func TestMentionsCoNLLTesta(t *testing.T) {
	t.Parallel()
	sents := readCoNLL(t, "ner", "eng.testa")
	fd, err := NewFinder(nil)
	if err != nil {
		t.Fatal(err)
	}
	sc := mentionScore(fd, sents)
	t.Logf("eng.testa through Find, one sentence per text: PER precision %.4f recall %.4f F1 %.4f", sc.Precision(), sc.Recall(), sc.F1())
	if sc.F1() < 0.90 {
		t.Errorf("PER F1 through Find %.4f below the 0.90 floor", sc.F1())
	}
}

var nerValidation = flag.Bool("ner-validation", false, "TestMentionsValidation: train a tagger on four fifths of eng.train and measure Find on the fifth left out (about 10 s)")

// TestMentionsValidation measures mentions through Find on the validation
// fifth of eng.train (documents numbered 0 mod 5), with a tagger trained
// as the shipped one but on the other four fifths: neither the tagger nor
// the mention rules ever saw these sentences.
func TestMentionsValidation(t *testing.T) {
	if !*nerValidation {
		t.Skip("run with -ner-validation (trains a tagger, about 10 s)")
	}
	t.Parallel()
	tr, val := nertrain.Validation(readCoNLL(t, "ner", "eng.train"))
	fd, err := NewFinder(nil)
	if err != nil {
		t.Fatal(err)
	}
	fd.tagger = nertrain.Train(tr, nertrain.DefaultOptions, nil)
	sc := mentionScore(fd, val)
	t.Logf("eng.train validation fifth (%d sentences) through Find, one sentence per text: PER precision %.4f recall %.4f F1 %.4f",
		len(val), sc.Precision(), sc.Recall(), sc.F1())
	// the held-out floor is 0.88; this asserts the measured value
	// so that a regression fails (docs/figures.md)
	if sc.F1() < 0.87 {
		t.Errorf("PER F1 through Find on validation %.4f below 0.87", sc.F1())
	}
}
