package analyze

import "math"

// Pseudo-sections for evaluative words no lexicon lists, from VADER's
// valence: a word linked to a target like a lexicon term.
const (
	tVNeg = numTSections + iota
	tVPos
	numTAll
)

var catNames = func() [numTAll]string {
	var n [numTAll]string
	copy(n[:], targetSectionNames)
	n[tVNeg], n[tVPos] = "vneg", "vpos"
	return n
}()

// vaderMin: the |valence| a word needs to count as an evaluative term.
const vaderMin = 1.5

// addVaderTerms adds pseudo-hits for strongly valenced words that no
// hostile or positive section lists (adjectives and nouns when tagged).
func (s *Scorer) addVaderTerms(ti *targetInfo) {
	listed := uint32(0)
	for _, c := range hostileCats {
		listed |= 1 << uint(c)
	}
	listed |= 1<<tPositive | 1<<tCondemn | 1<<tNegation | 1<<tMigrant | 1<<tOther | 1<<tIncident
	for i, w := range ti.words {
		if ti.secAt[i]&listed != 0 || ti.noTerm != nil && ti.noTerm[i] {
			continue
		}
		v, ok := s.vlex[w.w]
		if !ok || math.Abs(v) < vaderMin || v < 0 && feelingWords[w.w] || v > 0 && (moodWords[w.w] || truthWords[w.w]) {
			continue
		}
		if w.tag != "" && !(w.tag[0] == 'J' || w.tag[0] == 'N' || w.tag[0] == 'V') {
			continue
		}
		sec := tVNeg
		if v > 0 {
			sec = tVPos
		}
		ti.addHit(sec, i, i+1)
		ti.vstrength = append(ti.vstrength, vTerm{i, math.Abs(v) / 4})
	}
}

// feelingWords: negative VADER words that say how whoever they are said of
// feels, not what they are worth ("the migrants in the queue were just as
// annoyed", "refugees are scared"): no evaluation of a target.
var feelingWords = map[string]bool{"annoyed": true, "upset": true, "sad": true, "scared": true, "afraid": true,
	"frightened": true, "worried": true, "anxious": true, "tired": true, "exhausted": true, "hungry": true,
	"lonely": true, "depressed": true, "desperate": true, "devastated": true, "heartbroken": true, "terrified": true,
	"traumatised": true, "traumatized": true, "distressed": true, "injured": true, "wounded": true,
	"frustrated": true, "disappointed": true, "stressed": true, "nervous": true, "confused": true, "trapped": true}

// moodWords: positive VADER words that say how whoever they are said of
// feels or fares ("the refugees were not happy with the hostel", "they do
// not feel safe"), the mirror of feelingWords; truthWords judge a claim,
// not a target ("it is not true that immigrants are lazy" corrects a myth).
// Before round 34 both made praise links, and their denials taught the
// models that denied praise of migrants is not hostility.
var (
	// (only words VADER rates vaderMin or more: "sure", "calm" or
	// "secure" make no term anyway)
	moodWords = map[string]bool{"happy": true, "happier": true, "safe": true, "safer": true, "comfortable": true,
		"relieved": true, "pleased": true, "hopeful": true, "lucky": true, "fortunate": true}
	truthWords = map[string]bool{"true": true, "truer": true, "truest": true, "trueness": true, "truth": true,
		"truths": true}
)

type vTerm struct {
	i int
	v float64
}

// targetFeats turns a unit's target analysis into the features of the
// anti_migrant and counter_speech models. Every feature has a meaning a
// reader can check (docs/analysis.md lists them):
//
//	m:CAT:STATUS  a CAT term said of migrants, in the text's own voice
//	              (own), negated (neg), condemned (cond) or reported as an
//	              incident (rep); m:CAT:own:modal with should/will/imperative
//	o:CAT         a CAT term said of another group
//	f:CAT         a CAT term in a text naming migrants, said of no target
//	g:CAT         a CAT term in a text naming only other groups, said of none
//	n:CAT         a CAT term in a text naming no group
//	t:..., q:...  the unit's targets and frames
func (s *Scorer) targetFeats(ti *targetInfo, u *unit) []feat {
	fs := make([]feat, 0, 24)
	idx := map[string]int{}
	put := func(name string, v float64, i, j int) {
		st, en := -1, -1
		if i >= 0 && j > i && j <= len(ti.words) {
			st, en = ti.words[i].s, ti.words[j-1].e
		}
		if k, ok := idx[name]; ok {
			if v > fs[k].val {
				fs[k].val, fs[k].start, fs[k].end = v, st, en
			}
			return
		}
		idx[name] = len(fs)
		fs = append(fs, feat{name, v, st, en})
	}
	for _, l := range ti.links {
		c := catNames[l.cat]
		v := l.strength
		for _, vt := range ti.vstrength {
			if vt.i == l.i {
				v = vt.v
			}
		}
		// the span of the evidence: the term and its target
		i, j := l.i, l.j
		if l.ti >= 0 {
			i, j = min(i, l.ti), max(j, l.ti+1)
			if l.ti > l.j {
				for _, m := range ti.mentions {
					if m.i == l.ti {
						j = max(j, m.j)
					}
				}
			}
		}
		// profanity counts only when aimed at someone (the definition:
		// "profanity not aimed at migrants is not anti_migrant")
		if l.cat == tProfanity && !l.linked {
			continue
		}
		// a death word said of no one is what migrants suffer or risk
		// ("hundreds of migrants could drown", "protest over migrant
		// deaths at sea"), not a threat: a wish or demand links it
		if l.cat == tThreat && !l.linked && s.deathWord(ti.words[l.i].w) {
			continue
		}
		// a violence cue links only as an intent (cueLink); said of no one
		// it is what someone suffered ("treated in hospital after being
		// attacked", "died in hospital"; round 60), not a threat
		if l.cat == tThreat && !l.linked && ti.cue != nil && ti.cue[l.i] {
			continue
		}
		switch {
		case l.linked && l.kind == kMigrant:
			put("m:"+c+":"+statusNames[l.status], v, i, j)
			if l.status == stOwn && l.modal && (l.cat == tThreat || l.cat == tExclusion) {
				put("m:"+c+":own:modal", v, i, j)
			}
		case l.linked && l.kind == kOther:
			put("o:"+c, v, i, j)
		case ti.migrant:
			put("f:"+c, v, l.i, l.j)
		case ti.other:
			put("g:"+c, v, l.i, l.j)
		default:
			put("n:"+c, v, l.i, l.j)
		}
	}
	flag := func(name string, ok bool) {
		if ok {
			fs = append(fs, feat{name, 1, -1, -1})
		}
	}
	condemn := false
	for k := range ti.words {
		if ti.has(k, tCondemn) && !s.isLinkedHostile(ti, k) && !ti.reportLabel[k] {
			condemn = true
		}
	}
	pronounOnly := ti.migrant
	for _, m := range ti.mentions {
		if m.kind == kMigrant && !m.pronoun {
			pronounOnly = false
		}
	}
	flag("t:migrant", ti.migrant)
	// no hostile word at all (lexicon or VADER-negative): the absence of
	// evidence, so that naming migrants with "our" or "keep" is not half
	// way to hostility
	hostileWord := false
	for _, l := range ti.links {
		if isHostileCat(l.cat) || (l.cat == tPositive || l.cat == tVPos) && l.status == stNeg {
			hostileWord = true
		}
	}
	flag("q:nohostility", !hostileWord)
	flag("t:other", ti.other)
	flag("t:slur", ti.count[tSlur] > 0)
	flag("t:pronoun_only", pronounOnly)
	flag("q:question", ti.question)
	flag("q:you", ti.you)
	flag("q:condemn", condemn)
	flag("q:migrant&condemn", condemn && ti.migrant)
	flag("q:migrant&correction", ti.migrant && ti.count[tCorrection] > 0)
	flag("q:correction", ti.count[tCorrection] > 0)
	flag("q:solidarity", ti.count[tSolidarity] > 0)
	flag("q:migrant&solidarity", ti.migrant && ti.count[tSolidarity] > 0)
	flag("q:incident", ti.count[tIncident] > 0)
	flag("q:report", ti.count[tReport] > 0)
	flag("q:incident&migrant", ti.count[tIncident] > 0 && ti.migrant)
	flag("q:meta", ti.count[tMeta] > 0)
	flag("q:negation", ti.count[tNegation] > 0)
	if u != nil {
		flag("q:migrant&contribution", ti.migrant && u.secCount[secContribution] > 0)
		if c := u.vader.Compound; c < 0 {
			fs = append(fs, feat{"v:neg", -c, -1, -1})
			if ti.migrant {
				fs = append(fs, feat{"v:migrant&neg", -c, -1, -1})
			}
		} else if c > 0 {
			fs = append(fs, feat{"v:pos", c, -1, -1})
			if ti.migrant {
				fs = append(fs, feat{"v:migrant&pos", c, -1, -1})
			}
		}
	}
	return fs
}
