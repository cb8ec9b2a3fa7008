package figures

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"sync"
)

// nerModel is the tagger trained by `go run ./figures/cmd/trainner -out
// figures/ner_model.bin.gz` on CoNLL-2003 eng.train.
//
//go:embed ner_model.bin.gz
var nerModel []byte

// NERModelVersion names the embedded tagger; stored with every mention.
const NERModelVersion = "figures-ner-ap1-beam4"

// Version identifies the person finder's behaviour: the tagger's name and a
// hash of its embedded weights, plus attributionRevision, which is bumped
// whenever the mention or quote rules change. analyze folds it into the
// model version stored with every score, so a new finder rescores.
func (f *Finder) Version() string { return finderVersion() }

var finderVersion = sync.OnceValue(func() string {
	h := sha256.Sum256(nerModel)
	return fmt.Sprintf("%s-%s-r%d", NERModelVersion, hex.EncodeToString(h[:])[:8], attributionRevision)
})

// attributionRevision counts changes to the mention and quote rules.
const attributionRevision = 1

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
