package analyze

// The news-hostility model: anti_migrant learned hostility from tweets and
// NGO dialogue and finds only half of the hostile letters, comments and
// leaflets of local news (heldout_anti_b.csv: recall 0.50). A small logistic
// regression over the features below, trained on the news-like rows of
// hand_anti_migrant.csv and the policy statements of hand_stance.csv,
// scores that kind; anti_migrant is the larger of the two probabilities
// where hostilityGate holds (scorer.go).
//
//	hs:them        othering ("these people", "that lot", "so-called")
//	hs:us          an "us" ("our town", "locals", "taxpayers")
//	hs:contempt    contempt and loss ("scroungers", "overrun", "sick of",
//	               "ruined", "no respect")
//	hs:them&us, hs:them&contempt, hs:us&contempt  pairs in one unit
//
// plus the main lexicon's hostility, target, condemnation, policy and
// speech features.

const (
	hsThem = iota
	hsUs
	hsContempt
)

var hostileSectionNames = []string{"them", "us", "contempt"}

// hostilityModel is the file name (models/hostility.json) of the model.
const hostilityModel = "hostility"

func (s *Scorer) hostilityFeats(u *unit) []feat {
	fs := filterFeats(u.lexPart(), "x:dehumanizing", "x2:dehumanizing", "x:exclusion", "x2:exclusion", "x:target",
		"c:target_is_dehum", "c:hostile_assert", "c:target+dehumanizing", "c:target+exclusion", "n:",
		"c:quoted+hostile", "x:speech", "x:condemnation", "c:reject_racism", "x:restrictive_policy",
		"x:welcoming_policy", "x:positive_contribution", "x:contribution", "v:neg", "v:pos", "x:migration_topic")
	n := len(u.words)
	if n == 0 || s.hslex == nil {
		return fs
	}
	var has [3]bool
	var first [3][2]int
	for _, h := range s.hslex.match(u.words, nil) {
		if !has[h.section] {
			has[h.section] = true
			first[h.section] = [2]int{u.spans[h.start][0], u.spans[min(h.end, n)-1][1]}
		}
	}
	names := []string{"hs:them", "hs:us", "hs:contempt"}
	for k := range has {
		if has[k] {
			fs = append(fs, feat{names[k], 1, first[k][0], first[k][1]})
		}
	}
	pair := func(a, b int, name string) {
		if has[a] && has[b] {
			fs = append(fs, feat{name, 1, first[a][0], first[a][1]})
		}
	}
	pair(hsThem, hsUs, "hs:them&us")
	pair(hsThem, hsContempt, "hs:them&contempt")
	pair(hsUs, hsContempt, "hs:us&contempt")
	return fs
}

// hostilityGate reports whether the news-hostility model may speak for a
// unit: the hostility is the text's own, not reported (no speech verb, no
// hostile words in quotation marks) and not condemned.
func hostilityGate(u *unit) bool {
	return u.secCount[secSpeech]+u.secCount[secCondemnation]+u.secCount[secReportFrame] == 0 && !quotedHostile(u)
}
