package figures

import (
	"fmt"

	"github.com/xenoscope/xenoscope/figures/ner"
)

// Version identifies the person finder's behaviour: the tagger's name and a
// hash of its embedded weights, plus attributionRevision, which is bumped
// whenever the mention or quote rules change, plus a hash of the config's
// cities and figure registry when there is one. It is stored per document
// (doc_figures.version): a new finder or registry re-attributes.
func (f *Finder) Version() string {
	if f.registryHash != "" {
		// The registry (and the configured city names, never persons)
		// changes who is recognised: a new registry re-attributes.
		return finderVersion() + "-reg" + f.registryHash
	}
	return finderVersion()
}

func finderVersion() string {
	return fmt.Sprintf("%s-r%d", ner.ModelVersion(), attributionRevision)
}

// attributionRevision counts changes to the mention and quote rules (2:
// issue 12, persons only, speaker noun phrases, statements sources; 3:
// nlp treebank tokens, appositive and sentence subjects, participles,
// colon, dash and previous-sentence introductions; 4: two apostrophes as quotation
// marks, verb chains, "according to" before a quote, the next sentence's
// attribution, names the tagger missed before a speech verb; 5: a quote
// left open at its paragraph's end takes its continuation's speaker; 6:
// the English check reads prose sentences only, so a long results table
// is tagged; a surname inside a longer non-person name, "No." quotes,
// subordinators; 7: asides without a verb, "X of PLACE said", inverted
// speakers right after the verb; 8: ", who said", initials before a name,
// a sentence-initial surname prose tags NN; 9: a subordinate clause inside
// the appositive after a quote).
const attributionRevision = 9
