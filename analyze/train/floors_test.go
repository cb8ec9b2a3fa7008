package train

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/internal/shareddata"
)

// The shipped lexicons and models are what the training code makes of
// their sources. The accuracy floors of the shipped models are in
// analyze/floors_test.go.

var retrain = flag.Bool("retrain", false, "also retrain every model into a temporary folder and compare it byte for byte with analyze/models (about a minute)")

// The word list and the WordNet lexicon are rebuilt byte for byte from
// their sources (WordNet: Debian's wordnet package; skips without it).
func TestLexiconsReproduce(t *testing.T) {
	t.Parallel()
	const wn = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(wn, "index.noun")); err != nil {
		t.Skip("WordNet not installed (apt-get install wordnet)")
	}
	data := shareddata.Require(t, "hateval")
	dir := t.TempDir()
	if err := BuildLexicons(filepath.Dir(data), wn, dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"wordnet.txt", "vocab.txt"} {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := analyze.ModelFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s rebuilt differs from the shipped one (run xenoscope train -task lexicons)", f)
		}
	}
}

// Training is deterministic: the shipped models come back byte for byte
// (go test ./analyze/train/ -run TestModelsReproduce -retrain).
func TestModelsReproduce(t *testing.T) {
	if !*retrain {
		t.Skip("slow: pass -retrain")
	}
	data := shareddata.Require(t, "hateval")
	dir := t.TempDir()
	if err := TrainAll(filepath.Dir(data), filepath.Join("..", "testdata"), dir, nil); err != nil {
		t.Fatal(err)
	}
	for _, task := range analyze.Tasks {
		got, err := os.ReadFile(filepath.Join(dir, task+".json"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := analyze.ModelFile(task + ".json")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s.json retrained differs from the shipped one", task)
		}
	}
}
