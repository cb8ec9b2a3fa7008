package indicators

import (
	"os"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/analyze"
)

// The accuracy the report quotes belongs to the shipped models: a change
// of any model or lexicon changes the version and fails here until the
// figures in Accuracy are measured again (docs/analysis.md "Measured").
func TestAccuracyIsOfTheShippedModels(t *testing.T) {
	t.Parallel()
	s, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	if v := s.Version(); v != AccuracyModel {
		t.Errorf("the models are %s, the accuracy figures were measured with %s: measure them again and update indicators/accuracy.go", v, AccuracyModel)
	}
	for _, d := range Definitions {
		for _, sc := range d.Scores {
			m, ok := Accuracy[sc]
			if !ok {
				t.Errorf("%s rests on %s, which has no accuracy entry", d.Name, sc)
				continue
			}
			doc, err := os.ReadFile("../" + m.Doc)
			if err != nil || !strings.Contains(string(doc), "## "+m.Section) && !strings.Contains(string(doc), "### "+m.Section) {
				t.Errorf("%s: method link %s, section %q: not found (%v)", sc, m.Doc, m.Section, err)
			}
		}
	}
}
