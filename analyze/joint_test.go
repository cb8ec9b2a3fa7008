package analyze

import (
	"math"
	"testing"
)

// The joint table gives each model's margin bit for bit, including after
// WithModel replaces one of them.
func TestJointMarginsExact(t *testing.T) {
	s := newTestScorer(t)
	m := *s.models[TaskCounterSpeech]
	m.Weights = map[string]float64{"w:refugees": 2.5}
	m.Bias = -1
	s2, err := New(WithModel(TaskCounterSpeech, &m))
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range []*Scorer{s, s2} {
		for _, text := range []string{
			"",
			"Migrants are vermin and should all be thrown out of our town.",
			"Refugees from Syria opened three restaurants on the high street.",
			"@someone The council meets on Tuesday! #BuildTheWall https://t.co/x",
		} {
			u := sc.unitOf(text)
			z := sc.joint.margins(u.feats)
			for k, lm := range [numJoint]*LinearModel{sc.models[TaskMigration], sc.models[TaskAntiMigrant], sc.anyHate, sc.models[TaskCounterSpeech]} {
				if want := lm.margin(u.feats); math.Float64bits(z[k]) != math.Float64bits(want) {
					t.Errorf("%q column %d: joint %v, model %v", text, k, z[k], want)
				}
			}
		}
	}
	if got := s2.joint.margins(s2.unitOf("refugees").feats)[jCounter]; got == s.joint.margins(s.unitOf("refugees").feats)[jCounter] {
		t.Errorf("joint table not rebuilt after WithModel: counter margin %v", got)
	}
}
