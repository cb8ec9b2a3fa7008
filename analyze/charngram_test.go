package analyze

import (
	"math"
	"strings"
)

// charFeats are character 3-5-grams inside word boundaries (each word padded
// with < and >, like char_wb), built only from the unit's n-gram words (the
// "w:" features: URLs, @handles and unsegmentable hashtags never reach
// them; <num> and punctuation are skipped). They catch spelling variants
// and morphology the word features miss (invaders/invasion, r@pefugees,
// parasitic). Values are scaled by 2/sqrt(n).
func charFeats(fs []feat) []feat {
	var out []feat
	for _, f := range fs {
		if !strings.HasPrefix(f.name, "w:") {
			continue
		}
		w := f.name[2:]
		if w == "<num>" || w == "!" || w == "?" || len(w) < 2 {
			continue
		}
		p := "<" + w + ">"
		for n := 3; n <= 5; n++ {
			for i := 0; i+n <= len(p); i++ {
				g := p[i : i+n]
				if g == p && n < 5 { // the whole short word is already a w: feature
					continue
				}
				out = append(out, feat{"g:" + g, 1, f.start, f.end})
			}
		}
	}
	if len(out) > 0 {
		sc := 2 / math.Sqrt(float64(len(out)))
		for i := range out {
			out[i].val = sc
		}
	}
	return out
}
