package figures

import (
	"bytes"
	_ "embed"
	"sync"
)

// nerModel is the tagger trained by `go run ./figures/cmd/trainner -out
// figures/ner_model.bin.gz` on CoNLL-2003 eng.train.
//
//go:embed ner_model.bin.gz
var nerModel []byte

// NERModelVersion names the embedded tagger; stored with every mention.
const NERModelVersion = "figures-ner-ap1-beam4"

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// DefaultTagger returns the embedded tagger, decoded once per process.
func DefaultTagger() (*Tagger, error) {
	defaultOnce.Do(func() {
		defaultTagger, defaultErr = ReadTagger(bytes.NewReader(nerModel))
	})
	return defaultTagger, defaultErr
}
