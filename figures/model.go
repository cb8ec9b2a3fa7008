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
// whenever the mention or quote rules change, plus a hash of the config's
// cities and figure registry when there is one. analyze folds it into the
// model version stored with every score, so a new finder or registry
// rescores.
func (f *Finder) Version() string {
	if f.registryHash != "" {
		// The registry (and the configured city names, never persons)
		// changes who is recognised: a new registry re-attributes.
		return finderVersion() + "-reg" + f.registryHash
	}
	return finderVersion()
}

var finderVersion = sync.OnceValue(func() string {
	h := sha256.Sum256(nerModel)
	return fmt.Sprintf("%s-%s-r%d", NERModelVersion, hex.EncodeToString(h[:])[:8], attributionRevision)
})

// attributionRevision counts changes to the mention and quote rules (2:
// issue 12, persons only, speaker noun phrases, statements sources).
const attributionRevision = 2

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
