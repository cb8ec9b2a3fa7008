package figures

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"sync"
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

var (
	nerValidation = flag.Bool("ner-validation", false, "TestMentionsValidation: train a tagger on four fifths of eng.train and measure Find on the fifth left out (about 10 s a fifth)")
	nerFolds      = flag.String("ner-folds", "0", "TestMentionsValidation: the fifths left out in turn (0 is the validation fifth; 0,1,2,3,4 cross-validates)")
	nerContiguous = flag.Bool("ner-contiguous", false, "TestMentionsValidation: fifths of consecutive documents instead of documents k mod 5")
)

// docMentionScore runs each document (its sentences joined by blank lines)
// through fd.Find as one text and scores the person mentions by exact byte
// span: what `score` returns for a whole article.
func docMentionScore(fd *Finder, sents []nertrain.Sentence) nertrain.Score {
	var sc nertrain.Score
	for i := 0; i < len(sents); {
		var text strings.Builder
		var tags []string
		var offs [][2]int
		j := i
		for ; j < len(sents) && sents[j].Doc == sents[i].Doc; j++ {
			if j > i {
				text.WriteString("\n\n")
			}
			s, o := nertrain.JoinWords(sents[j].Words)
			for _, x := range o {
				offs = append(offs, [2]int{x[0] + text.Len(), x[1] + text.Len()})
			}
			text.WriteString(s)
			tags = append(tags, sents[j].Tags...)
		}
		ms, _ := fd.Find(text.String(), model.TextContext{Kind: model.KindNews})
		pred := make([][2]int, len(ms))
		for k, m := range ms {
			pred[k] = [2]int{m.Start, m.End}
		}
		sc.Add(tags, offs, pred)
		i = j
	}
	return sc
}

// TestMentionsValidation measures mentions through Find on fifths of
// eng.train left out of training (by default the validation fifth,
// documents numbered 0 mod 5), with a tagger trained as the shipped one on
// the other four fifths: neither the tagger nor the mention rules ever saw
// these sentences. It measures each sentence as its own text (as `score`
// gets one line) and whole documents.
func TestMentionsValidation(t *testing.T) {
	if !*nerValidation {
		t.Skip("run with -ner-validation (trains a tagger, about 10 s a fifth)")
	}
	t.Parallel()
	all := readCoNLL(t, "ner", "eng.train")
	var folds []int
	for _, f := range strings.Split(*nerFolds, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || k < 0 || k > 4 {
			t.Fatalf("-ner-folds %q: want numbers 0-4", *nerFolds)
		}
		folds = append(folds, k)
	}
	type result struct{ sent, doc nertrain.Score }
	res := make([]result, len(folds))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2) // two cores
	for i, k := range folds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			tr, val := nertrain.Fold(all, k, *nerContiguous)
			fd, err := NewFinder(nil)
			if err != nil {
				t.Error(err)
				return
			}
			fd.tagger = nertrain.Train(tr, nertrain.DefaultOptions, nil)
			res[i] = result{mentionScore(fd, val), docMentionScore(fd, val)}
		}()
	}
	wg.Wait()
	var sent, doc nertrain.Score
	for i, r := range res {
		t.Logf("fifth %d: one sentence per text P %.4f R %.4f F1 %.4f; whole documents P %.4f R %.4f F1 %.4f",
			folds[i], r.sent.Precision(), r.sent.Recall(), r.sent.F1(), r.doc.Precision(), r.doc.Recall(), r.doc.F1())
		sent = sent.Plus(r.sent)
		doc = doc.Plus(r.doc)
	}
	t.Logf("eng.train fifths %s (contiguous %v) through Find: one sentence per text P %.4f R %.4f F1 %.4f; whole documents P %.4f R %.4f F1 %.4f",
		*nerFolds, *nerContiguous, sent.Precision(), sent.Recall(), sent.F1(), doc.Precision(), doc.Recall(), doc.F1())
	// the held-out floor is 0.88; these assert the measured values
	// so that a regression fails (docs/figures.md)
	if sent.F1() < 0.87 {
		t.Errorf("PER F1 through Find, one sentence per text, %.4f below 0.87", sent.F1())
	}
	if doc.F1() < 0.90 {
		t.Errorf("PER F1 through Find, whole documents, %.4f below 0.90", doc.F1())
	}
}
