package analyze

import (
	"math"
	"testing"
)

// Expected compounds are the examples printed in vaderSentiment's README
// (cjhutto/vaderSentiment 3.3.2), computed by the reference implementation.
func TestVADERMatchesReference(t *testing.T) {
	s, err := newFeaturizer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want float64
	}{
		{"VADER is smart, handsome, and funny.", 0.8316},
		{"VADER is smart, handsome, and funny!", 0.8439},
		{"VADER is very smart, handsome, and funny.", 0.8545},
		{"VADER is VERY SMART, handsome, and FUNNY.", 0.9227},
		{"VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342},
		{"VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469},
		{"VADER is not smart, handsome, nor funny.", -0.7424},
		{"The book was good.", 0.4404},
		{"At least it isn't a horrible book.", 0.431},
		{"The book was only kind of good.", 0.3832},
		{"The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042},
		{"Today SUX!", -0.5461},
		{"Today only kinda sux! But I'll get by, lol", 0.5249},
		{"Not bad at all", 0.431},
		{"", 0},
	}
	for _, tc := range tests {
		got := vader(s.vlex, tc.text).Compound
		if math.Abs(got-tc.want) > 0.0001 {
			t.Errorf("vader(%q) = %.4f, want %.4f", tc.text, got, tc.want)
		}
	}
}
