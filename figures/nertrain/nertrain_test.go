package nertrain

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/figures/ner"
	"github.com/xenoscope/xenoscope/internal/shareddata"
)

func readFile(t testing.TB, parts ...string) []Sentence {
	t.Helper()
	f, err := os.Open(shareddata.Require(t, parts...))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestEmbeddedModelTesta measures the embedded tagger on CoNLL-2003
// eng.testa, which it was not trained on (eng.testa chose the pass count
// and the beam width, so the figure is slightly optimistic).
func TestEmbeddedModelTesta(t *testing.T) {
	t.Parallel()
	sents := readFile(t, "ner", "eng.testa")
	tg, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(tg, sents, true)
	t.Logf("eng.testa, whole documents: PER precision %.4f recall %.4f F1 %.4f", s.Precision(), s.Recall(), s.F1())
	if s.F1() < 0.90 {
		t.Errorf("PER F1 %.4f below the 0.90 floor", s.F1())
	}
}

func TestReadCoNLL(t *testing.T) {
	t.Parallel()
	in := "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n" +
		"-DOCSTART- -X- O O\n\nJohn NNP I-NP I-PER\nMary NNP I-NP B-PER\n"
	s, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 || s[0].Doc == s[1].Doc {
		t.Fatalf("got %+v, want two sentences of two documents", s)
	}
	if got := strings.Join(s[0].Tags, " "); got != "B-ORG O B-PER I-PER" {
		t.Errorf("IOB1 -> BIO: %s", got)
	}
	if got := strings.Join(s[1].Tags, " "); got != "B-PER B-PER" {
		t.Errorf("IOB1 B- keeps two persons apart: %s", got)
	}
	if _, err := ReadCoNLL(strings.NewReader("lonely\n")); err == nil {
		t.Error("a line without a tag: want an error")
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "not gzip at all"} {
		if _, err := ner.Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q): want error", in)
		}
	}
}

// TestTrainSmall trains on a slice of eng.train, twice: training is
// deterministic (the same bytes), the written model reads back to the same
// tags, and the tagger finds persons in the validation fifth of eng.train.
func TestTrainSmall(t *testing.T) {
	t.Parallel()
	tr, val := Validation(readFile(t, "ner", "eng.train"))
	tr, val = tr[:3000], val[:800]
	o := Options{Iters: 3, Seed: 1, MinWeight: 0.05}
	var files [2][]byte
	var tg *ner.Tagger
	for i := range files {
		tg = Train(tr, o, nil)
		var b bytes.Buffer
		if err := Write(&b, tg); err != nil {
			t.Fatal(err)
		}
		files[i] = b.Bytes()
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatal("two trainings on the same data wrote different models")
	}
	back, err := ner.Read(bytes.NewReader(files[0]))
	if err != nil {
		t.Fatal(err)
	}
	if back.Features() != tg.Features() {
		t.Errorf("read back %d features, trained %d", back.Features(), tg.Features())
	}
	s := Evaluate(back, val, true)
	t.Logf("3000 training sentences, 3 passes: PER F1 %.3f on 800 validation sentences", s.F1())
	if s.F1() < 0.6 {
		t.Errorf("PER F1 %.3f: training is broken", s.F1())
	}
}

// TestShippedModelReproduces retrains the embedded model from eng.train
// with DefaultOptions (what `xenoscope train -task ner` does) and compares
// the bytes: a change to the features or the training without a retrained
// model fails here.
func TestShippedModelReproduces(t *testing.T) {
	if testing.Short() {
		t.Skip("retrains the full tagger (about 8 s)")
	}
	t.Parallel()
	tg := Train(readFile(t, "ner", "eng.train"), DefaultOptions, nil)
	var b bytes.Buffer
	if err := Write(&b, tg); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), ner.EmbeddedModel()) {
		t.Fatalf("retrained model (%d bytes) differs from figures/ner/model.bin.gz (%d bytes): run "+
			"`go run ./cmd/xenoscope train -task ner -data ../shared/data -out figures/ner/model.bin.gz`", b.Len(), len(ner.EmbeddedModel()))
	}
}
