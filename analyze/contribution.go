package analyze

// The contribution model: the issue counts a text that "tells of
// migrants' contributions" as counter-speech, but the counter_speech model
// learned counter-speech from NGO dialogue (condemning, correcting,
// defending) and misses plain factual stories ("A Syrian pharmacist has
// reopened the village chemist"). A small logistic regression over the
// features below, trained on hand_contribution.csv, scores that kind alone;
// counter_speech is the larger of the two probabilities (scorer.go).
//
//	ct:origin        where someone came from ("who fled", "trained in",
//	                 "Polish-run", "Nigerian-born")
//	ct:act           a contribution act (main lexicon [contribution]:
//	                 jobs, opened, staff, nurses, volunteered, scored)
//	ct:who&act       a migrant group or an origin together with an act in
//	                 the unit
//	ct:figure        a number or share ("twelve", "£2.1bn", "one in three")
//	ct:claim         a claim, cost or court word ("claimed", "cost",
//	                 "jailed"): hostile claims and crime news are not
//	                 contribution stories
//
// plus the main lexicon's target, dehumanising, exclusion and crime
// features.

import "strings"

const (
	ctOrigin = iota
	ctFigure
	ctClaim
)

var contributionSectionNames = []string{"origin", "figure", "claim"}

// contributionModel is the file name (models/contribution.json) of the
// contribution model, trained by TrainAll on hand_contribution.csv.
const contributionModel = "contribution"

// notOrigin: words before -run, -owned, -led that say who, not where from
// ("family-run", "council-owned").
var notOrigin = map[string]bool{"family": true, "locally": true, "local": true, "council": true, "community": true,
	"state": true, "volunteer": true, "church": true, "privately": true, "self": true, "home": true, "student": true,
	"staff": true, "employee": true, "publicly": true, "government": true, "women": true}

var originSuffixes = []string{"-owned", "-run", "-born", "-founded", "-led"}

func (s *Scorer) contributionFeats(u *unit) []feat {
	fs := filterFeats(u.lexPart(), "x:target", "x:dehumanizing", "x:exclusion", "x:crime", "x:migration_topic")
	n := len(u.words)
	if n == 0 || s.clex == nil {
		return fs
	}
	hits := s.clex.match(u.words, nil)
	first := map[string][2]int{}
	add := func(name string, a, b int) {
		if _, ok := first[name]; !ok {
			first[name] = [2]int{u.spans[a][0], u.spans[min(b, n-1)][1]}
		}
	}
	for _, h := range hits {
		switch h.section {
		case ctOrigin:
			add("ct:origin", h.start, h.end-1)
		case ctFigure:
			add("ct:figure", h.start, h.end-1)
		case ctClaim:
			add("ct:claim", h.start, h.end-1)
		}
	}
	for i, w := range u.words {
		if w == "<num>" {
			add("ct:figure", i, i)
		}
		for _, suf := range originSuffixes {
			if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 && !notOrigin[strings.TrimSuffix(w, suf)] {
				add("ct:origin", i, i)
			}
		}
	}
	for _, h := range u.hits {
		if h.section == secContribution {
			add("ct:act", h.start, h.end-1)
			break
		}
	}
	_, origin := first["ct:origin"]
	_, act := first["ct:act"]
	if act && (origin || u.secCount[secTarget] > 0) {
		first["ct:who&act"] = first["ct:act"]
	}
	for _, name := range []string{"ct:origin", "ct:act", "ct:who&act", "ct:figure", "ct:claim"} {
		if sp, ok := first[name]; ok {
			fs = append(fs, feat{name, 1, sp[0], sp[1]})
		}
	}
	return fs
}

// contributionGate reports whether the contribution model may speak for a
// unit: a contribution story is not hostile (anti_migrant < 0.5), does not
// deny ("they don't contribute anything", "not welcome") and does not ask.
func contributionGate(u *unit, anti float64) bool {
	if anti >= 0.5 || u.secCount[secNegation] > 0 || u.secCount[secDehumanizing]+u.secCount[secExclusion] > 0 {
		return false
	}
	for _, w := range u.words {
		if w == "?" {
			return false
		}
	}
	return true
}
