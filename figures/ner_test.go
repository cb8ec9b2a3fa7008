package figures

import (
	"os"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/internal/shareddata"
)

// TestNERFloorTesta measures the embedded tagger on CoNLL-2003 eng.testa,
// which it was neither trained nor tuned on beyond choosing the pass count.
func TestNERFloorTesta(t *testing.T) {
	p := shareddata.Require(t, "ner", "eng.testa")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := DefaultTagger()
	if err != nil {
		t.Fatal(err)
	}
	prec, rec, f1, words, secs := EvaluateTagger(tg, sents)
	t.Logf("eng.testa PER precision=%.4f recall=%.4f F1=%.4f (%d words, %.0f words/s)", prec, rec, f1, words, float64(words)/secs)
	if f1 < 0.88 {
		t.Errorf("PER F1 %.4f below the 0.88 floor", f1)
	}
}

func TestReadTaggerRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "not gzip at all"} {
		if _, err := ReadTagger(stringsReader(in)); err == nil {
			t.Errorf("ReadTagger(%q): want error", in)
		}
	}
}

func TestIOB1ToBIO(t *testing.T) {
	got := iob1ToBIO([]string{"I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"})
	want := []string{"B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("iob1ToBIO = %v, want %v", got, want)
		}
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
