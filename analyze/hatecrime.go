package analyze

import (
	"math"
	"slices"
	"strings"
)

// Hate-crime incident features: whether the words of violence in a unit
// are literal (an incident) or figurative (politics, sport), from the
// hate lexicon models/hate.txt (which explains its sections).
//
//	hc:strong      an incident word that is rarely figurative (punched,
//	               arson, spat at, racially aggravated)
//	hc:literal     a weak incident word (attack, abuse, beat, threat) with
//	               a person or place at most 4 words after it in the same
//	               clause ("attacked a refugee", "attack on the mosque"),
//	               or passive with one before it ("a refugee was attacked")
//	hc:figurative  a weak incident word with an abstract object at most 4
//	               words after it ("attacked the government's asylum
//	               plan", "an assault on the rights of refugees") or a
//	               passive abstract subject ("the remarks were attacked")
//	hc:sport       a weak incident word in a unit with match or market
//	               words ("United beat Rovers 2-0")
//	hc:incident&group  a strong or literal incident in a unit that names a
//	               migrant or minority group (main lexicon [victim_group],
//	               [target]) or marks hate ([marker]: racist, swastika)
//
// They are read only by the hate_crime_report model, so the other models do
// not change with this lexicon.

const (
	hcStrong = iota
	hcWeak
	hcAbstract
	hcSport
	hcVictim
	hcMarker
)

var hateSectionNames = []string{"strong", "weak", "abstract", "sport", "victim", "marker"}

// hateFeats are the hate_crime_report model's features: the incident
// features above with the crime, victim-group and report-frame features of
// the main lexicon. Chosen on validation (experiment_hate_test.go, 5-fold CV
// on the hand train split / val_hate_crime.csv): these 0.920 / 0.978, the
// same plus every other lexicon and clause feature 0.880 / 0.978, the first
// model (lexicon and clause features only) 0.859 / 0.891.
func (s *Scorer) hateFeats(u *unit) []feat {
	return append(s.incidentFeats(u), s.hateTargetFeats(u)...)
}

// hateTargetFeats (round 2) add what the target analysis knows of an
// incident:
//
//	hc:reported_hostility  hostile words toward migrants reported as part
//	                       of an incident ("protesters chanted 'send them
//	                       back' and threw stones, police said")
//	hc:incident&target     an incident word in a unit that names migrants
//	                       or a religious group or its places
//	hc:condemned           the incident is condemned (a statement after it)
//	hc:advice              the unit asks or gives advice ("how do I deal
//	                       with ...", "our advice") rather than reporting
//	hc:stats               numbers of incidents, not an incident ("rose by 12%")
func (s *Scorer) hateTargetFeats(u *unit) []feat {
	ti := u.ti
	var fs []feat
	flag := func(name string, ok bool) {
		if ok {
			fs = append(fs, feat{name, 1, -1, -1})
		}
	}
	rep := false
	for _, l := range ti.links {
		if l.linked && l.kind == kMigrant && isHostileCat(l.cat) && l.status == stRep {
			rep = true
		}
	}
	flag("hc:reported_hostility", rep)
	religion := ti.count[tReligion] > 0 || u.secCount[secVictimGroup] > 0
	flag("hc:incident&target", ti.count[tIncident] > 0 && (ti.migrant || religion))
	condemn := false
	for k := range ti.words {
		if s.condemnsAt(ti, k) {
			condemn = true
		}
	}
	flag("hc:condemned", condemn && ti.count[tIncident] > 0)
	advice, stats := false, false
	for i, w := range ti.words {
		switch w.w {
		case "advice", "advise", "tips", "dear", "helpline", "hotline":
			// not the name of an organisation ("a migrant advice charity
			// reported threatening messages")
			if i+1 >= len(ti.words) || !adviceBodies[ti.words[i+1].w] {
				advice = true
			}
		case "you":
			// "you can report a hate incident", "if you are attacked":
			// what a reader could do, not what happened
			if i > 0 && ti.words[i-1].w == "if" || i+1 < len(ti.words) && youModal[ti.words[i+1].w] {
				advice = true
			}
		case "witnessed", "experienced", "seen", "suffered", "faced":
			// "Witnessed racist abuse on a bus?": a question to the reader
			if i == 0 && ti.question {
				advice = true
			}
		case "how":
			if i+2 < len(ti.words) && (ti.words[i+1].w == "do" || ti.words[i+1].w == "should" || ti.words[i+1].w == "can" ||
				ti.words[i+1].w == "to" && ti.words[i+2].w == "report") {
				advice = true
			}
		case "rose", "risen", "rise", "fell", "fallen", "increase", "increased", "decrease", "statistics", "figures", "recorded", "per", "percent", "%",
			"doubled", "tripled", "halved", "survey", "data", "annual", "proportion", "average", "total", "rate", "rates":
			stats = true
		case "what":
			// "what to do if you witness an attack"
			if i+2 < len(ti.words) && ti.words[i+1].w == "to" && ti.words[i+2].w == "do" {
				advice = true
			}
		case "get":
			// "can get free support", "could get help"
			if i > 0 && (ti.words[i-1].w == "can" || ti.words[i-1].w == "could") {
				for k := i + 1; k < len(ti.words) && k <= i+3; k++ {
					switch ti.words[k].w {
					case "help", "support", "advice", "counselling", "counseling":
						advice = true
					}
				}
			}
		}
	}
	flag("hc:advice", advice)
	flag("hc:stats", stats)
	return fs
}

// incidentFeats are the incident features described above.
func (s *Scorer) incidentFeats(u *unit) []feat {
	fs := filterFeats(u.lexPart(), "c:crime", "u:crime", "x:crime", "x2:crime", "x:victim_group", "x2:victim_group",
		"x:report_frame", "c:target+crime")
	n := len(u.words)
	if n == 0 || s.hlex == nil {
		return fs
	}
	hits := append(slices.Clip(s.hateLexHits(u)), messageOrders(u.words)...)
	if len(hits) == 0 {
		return fs
	}
	sec := make([]uint8, n)
	for _, h := range hits {
		for i := h.start; i < h.end && i < n; i++ {
			sec[i] |= 1 << h.section
		}
	}
	has := func(i, k int) bool { return i >= 0 && i < n && sec[i]&(1<<k) != 0 }
	// kindAt: what word j is as an object of an incident word
	kindAt := func(j int) int {
		switch {
		case has(j, hcAbstract):
			return hcAbstract
		case has(j, hcVictim):
			return hcVictim
		}
		return -1
	}
	sport := false
	for i := 0; i+1 < n; i++ { // a score: "4-1" is two numbers in a row
		if u.words[i] == "<num>" && u.words[i+1] == "<num>" {
			sport = true
		}
	}
	for _, h := range hits {
		sport = sport || h.section == hcSport
	}
	counts := map[string]int{}
	first := map[string][2]int{}
	// addSpan counts a feature whose evidence is the byte span [st, en)
	addSpan := func(name string, st, en int) {
		if counts[name] == 0 {
			first[name] = [2]int{st, en}
		}
		counts[name]++
	}
	add := func(name string, a, b int) { addSpan(name, u.spans[a][0], u.spans[min(b, n-1)][1]) }
	for _, h := range hits {
		switch h.section {
		case hcStrong:
			add("hc:strong", h.start, h.end-1)
		case hcWeak:
			if has(h.start, hcStrong) {
				continue // part of a strong phrase ("racist attack")
			}
			// "threatened to close the centre", "threatening to sue": the
			// threat of an act of office or law is no incident
			if strings.HasPrefix(u.words[h.start], "threat") && h.end+1 < n && u.words[h.end] == "to" && officeActs[u.words[h.end+1]] {
				add("hc:figurative", h.start, h.end+1)
				continue
			}
			// what the word hits: the first person/place or abstract word
			// after it in the clause, else (passive) before it
			kind, at := -1, -1
			for j := h.end; j < n && j <= h.end+3 && u.clause[j] == u.clause[h.start]; j++ {
				if kind = kindAt(j); kind >= 0 {
					at = j
					break
				}
			}
			// "threats posted on Facebook against a family": what follows
			// "against" in the clause is what the word hits
			for j := h.end; kind < 0 && j < n && j <= h.end+5 && u.clause[j] == u.clause[h.start]; j++ {
				if u.words[j] != "against" {
					continue
				}
				for k := j + 1; k < n && k <= j+3 && u.clause[k] == u.clause[h.start]; k++ {
					if kind = kindAt(k); kind >= 0 {
						at = k
						break
					}
				}
			}
			if kind < 0 && passiveAux(u.words, h.start) {
				for j := h.start - 1; j >= 0 && j >= h.start-6 && u.clause[j] == u.clause[h.start]; j-- {
					if kind = kindAt(j); kind >= 0 {
						at = j
						break
					}
				}
			}
			// "attacked the plan as unworkable": a judgement, figurative
			if kind != hcVictim {
				for j := h.end; j < n && j <= h.end+6 && u.clause[j] == u.clause[h.start]; j++ {
					if u.words[j] == "as" && j+1 < n {
						kind, at = hcAbstract, j
						break
					}
				}
			}
			switch {
			case sport:
				add("hc:sport", h.start, h.end-1)
			case kind == hcAbstract:
				add("hc:figurative", min(h.start, at), max(h.end-1, at))
			case kind == hcVictim:
				add("hc:literal", min(h.start, at), max(h.end-1, at))
			}
		}
	}
	// a hostile message reported as sent to migrants ("was told to 'go
	// home'", "letters warning them to get out") is harassment: a strong
	// incident. The target analysis has its own words, so the span is
	// taken from them, not from u.spans.
	// So is a call to violence reported by the police or a court ("jailed
	// for posts urging people to burn down the hotel housing asylum
	// seekers", "charged after calling for migrants to be shot"):
	// incitement, a threat made in public (round 29).
	if ti := u.ti; ti != nil {
		for _, l := range ti.links {
			if l.message {
				addSpan("hc:strong", ti.words[l.i].s, ti.words[l.j-1].e)
			}
		}
		if a, b := incitement(ti); a >= 0 {
			addSpan("hc:strong", ti.words[a].s, ti.words[b].e)
		}
	}
	// an incident against a migrant or minority, or marked as hate
	// a migrant group named by the target analysis counts as a group too
	// ("international protection applicants")
	group := u.secCount[secVictimGroup]+u.secCount[secTarget] > 0 || u.ti != nil && u.ti.migrant
	for _, h := range hits {
		group = group || h.section == hcMarker
	}
	if group && counts["hc:strong"]+counts["hc:literal"] > 0 {
		sp := first["hc:strong"]
		if counts["hc:strong"] == 0 {
			sp = first["hc:literal"]
		}
		counts["hc:incident&group"], first["hc:incident&group"] = 1, sp
	}
	for _, name := range []string{"hc:strong", "hc:literal", "hc:figurative", "hc:sport", "hc:incident&group"} {
		if c := counts[name]; c > 0 {
			fs = append(fs, feat{name, float64(min(c, 2)), first[name][0], first[name][1]})
		}
	}
	return fs
}

// hate_crime_report's definitional caps (round 2): a report of a concrete
// incident because of origin or religion. Advice ("how do I deal with
// comments about my headscarf?"), statistics ("hate crimes rose by 12%")
// and incidents the text says had no such motive ("police said the fire
// was caused by a faulty dryer", "not being treated as a hate crime") are
// not: they get at most hateCap. fs are the unit's hateFeats.
const hateCap = 0.35

func (s *Scorer) hateRules(u *unit, fs []feat, p float64) float64 {
	for _, f := range fs {
		if f.name == "hc:advice" || f.name == "hc:stats" && u.ti.count[tIncident] == 0 {
			return math.Min(p, hateCap)
		}
	}
	for i := range u.words {
		if noMotive(u.words, i) {
			return math.Min(p, hateCap)
		}
	}
	if migrantPerpetrator(u) {
		return math.Min(p, hateCap)
	}
	// an incident against no group (no migrant, religion or victim group
	// named, no hate marker): "vandals smashed the windows of the scout
	// hut" is not a report of a hate crime by definition
	// a bias the offender voiced names the group ("shouted 'go back to
	// your own country' before throwing a brick", round 23)
	group := u.ti.migrant || u.ti.count[tReligion] > 0 || u.ti.count[tSlur] > 0 || s.hateMarked(u)
	for _, f := range fs {
		group = group || f.name == "hc:incident&group" || f.name == "x:victim_group"
	}
	if !group {
		return math.Min(p, hateCap)
	}
	// a concrete incident that the text marks as bias ("racist", "told to
	// go back where she came from", "motivated by her nationality", a
	// swastika) is a report of a hate crime by definition (round 13)
	incident, other := false, false // other: figurative, sport or statistics
	for _, f := range fs {
		switch f.name {
		case "hc:strong", "hc:literal":
			incident = true
		case "hc:figurative", "hc:sport", "hc:stats":
			other = true
		}
	}
	if incident && !other && p < hateFloor && s.hateMarked(u) {
		return hateFloor
	}
	return p
}

// messageNouns (target.go), orderWords and departureWords make a message
// that tells its recipients to leave ("three letters telling them to
// leave", "notes ordering the couple to get out"): harassment (round 25).
var (
	orderWords = map[string]bool{"telling": true, "told": true, "ordering": true, "warning": true, "warned": true,
		"demanding": true, "urging": true, "saying": true}
	departureWords = map[string]bool{"leave": true, "out": true, "home": true, "back": true, "move": true}
	// officialSenders send lawful notices to leave ("a letter from the
	// Home Office telling him to leave the country")
	officialSenders = map[string]bool{"office": true, "council": true, "court": true, "tribunal": true,
		"government": true, "authorities": true, "department": true, "ministry": true, "landlord": true,
		"agency": true}
)

// messageOrders returns a strong incident hit for every message that tells
// its recipients to leave, in a unit that names no official sender.
func messageOrders(words []string) []lexHit {
	var hits []lexHit
	for i, w := range words {
		if !messageNouns[w] {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+3; j++ {
			if !orderWords[words[j]] {
				continue
			}
			for k := j + 1; k < len(words) && k <= j+6; k++ {
				if departureWords[words[k]] {
					hits = append(hits, lexHit{section: hcStrong, start: i, end: k + 1})
					break
				}
			}
			break
		}
	}
	if hits != nil && slices.ContainsFunc(words, func(w string) bool { return officialSenders[w] }) {
		return nil
	}
	return hits
}

// hateFloor: the least a concrete incident marked as bias scores.
const hateFloor = 0.75

// hateLexHits returns the hate lexicon's matches in a unit, computed once
// (nil without the lexicon).
func (s *Scorer) hateLexHits(u *unit) []lexHit {
	if !u.hateDone && s.hlex != nil {
		u.hateHits = s.hlex.match(u.words, nil)
	}
	u.hateDone = true
	return u.hateHits
}

// hateMarked reports a [marker] phrase of the hate lexicon in the unit.
func (s *Scorer) hateMarked(u *unit) bool {
	return slices.ContainsFunc(s.hateLexHits(u), func(h lexHit) bool { return h.section == hcMarker })
}

// migrantPerpetrator reports an incident whose perpetrator, not victim, is
// the migrant named ("police have charged an asylum seeker with assault",
// "the Eritrean teenager had stabbed another resident"), in a unit that
// marks no hate (racist, anti-migrant, a slur): a crime by a migrant is no
// report of a hate crime.
func migrantPerpetrator(u *unit) bool {
	ti := u.ti
	for k := range ti.words {
		switch ti.words[k].w {
		case "racist", "racism", "racial", "racially", "hate", "xenophobic", "anti-migrant", "anti-immigrant",
			"anti-refugee", "anti-muslim", "islamophobic", "bigot", "bigoted", "swastika":
			return false
		}
		if ti.has(k, tSlur) || ti.has(k, tExclusion) {
			return false
		}
	}
	// an incident said of migrants as its doers in a claim about them
	// ("Asylum seekers keep harassing women in the park"; agentIncident,
	// round 231)
	for k := range ti.words {
		if _, tied := ti.insinuatedBy[k]; tied && ti.has(k, tIncident) && ti.has(k, tStereotype) {
			return true
		}
	}
	var words []string // the unit's words, for passiveAux
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.i < 1 {
			continue
		}
		// words shouted at someone ("shouted 'bloody immigrants' before
		// punching the victim") and the people of a place where something
		// happened ("a house where a Roma family lives ... set alight")
		// are not the ones who did it
		if ti.words[m.i].q || placeRelative(ti, m.i) || m.place {
			continue
		}
		if words == nil {
			words = wordsOf(ti)
		}
		// "charged / arrested / convicted / accused <migrant> with|of",
		// the migrant the object ("arrested a Syrian man"), not after a
		// preposition ("two men have been arrested after a Romanian woman
		// was punched")
		for k := m.i - 1; k >= 0 && k >= m.i-3; k-- {
			switch ti.words[k].w {
			case "charged", "arrested", "convicted", "accused", "jailed", "sentenced", "prosecuted", "suspected":
				if npInternal(ti, k+1, m.i, false) {
					return true
				}
			}
		}
		// the agent of a participle naming a place ("a house rented by
		// migrant workers") did nothing to it
		if m.i >= 2 && ti.words[m.i-1].w == "by" && strings.HasPrefix(ti.words[m.i-2].tag, "VBN") {
			continue
		}
		// "<migrant> ... (had) stabbed / attacked / assaulted <someone>":
		// an active incident verb after the mention in its clause, before
		// any verb of saying or receiving ("an asylum seeker says
		// neighbours threatened ...", "a mosque received a call
		// threatening ...": what follows is the migrant's account, or what
		// was done to them)
		// "<migrant> was charged with assault", "two migrants were
		// jailed for ...": the passive subject of a sanction (round 23)
		for k := m.j; k < len(ti.words) && k <= m.j+3 && ti.words[k].cl == ti.words[m.i].cl; k++ {
			if sanctionVerbs[ti.words[k].w] && k > m.j && (tCopulas[ti.words[k-1].w] || ti.words[k-1].w == "been") {
				return true
			}
		}
		for k := m.j; k < len(ti.words) && k <= m.j+8 && ti.words[k].cl == ti.words[m.i].cl; k++ {
			// "... say they have been subjected to abuse": what follows
			// was done to them (round 23)
			if accountVerbs[ti.words[k].w] || victimVerbs[ti.words[k].w] {
				break
			}
			if ti.has(k, tIncident) && strings.HasPrefix(ti.words[k].tag, "VB") && !passiveAux(words, k) &&
				!passiveChain(ti, m.j, k) {
				return true
			}
		}
	}
	return false
}

// callWords ask or incite others to act; postWords put words in public.
var (
	callWords = map[string]bool{"urging": true, "urged": true, "urge": true, "urges": true, "encouraging": true,
		"encouraged": true, "encourage": true, "encourages": true, "inciting": true, "incited": true, "incite": true,
		"incites": true}
	postWords = map[string]bool{"posted": true, "posting": true, "posts": true, "post": true, "wrote": true,
		"written": true, "writing": true, "shared": true, "sharing": true, "published": true, "publishing": true}
)

// incitement finds a call to violence reported by the police or a court:
// in a unit with a report frame ([report]: charged, jailed, "court
// heard"), the offence named ("inciting racial hatred", "stirring up
// religious hatred"), or a call ("urging", "inciting", "calling for") or a post
// ("posted", "had written online that") followed in its sentence, within
// ten words, by a word of violence or expulsion from the target lexicon
// ("burn", "shot", "driven out") or an incident word ("attack", "smash").
// It returns the words from the call to the violence, or -1, -1.
func incitement(ti *targetInfo) (int, int) {
	if ti.count[tReport] == 0 {
		return -1, -1
	}
	n := len(ti.words)
	for k := 0; k < n; k++ {
		w := ti.words[k].w
		// the offence named: "inciting violence", "incitement to racial
		// hatred", "stirring up religious hatred", "encouraging violent
		// disorder"
		if callWords[w] || w == "incitement" || w == "stirring" || w == "stir" || w == "stirred" {
			for j := k + 1; j < n && j <= k+3 && ti.words[j].sent == ti.words[k].sent; j++ {
				if x := ti.words[j].w; x == "violence" || x == "violent" || x == "hatred" {
					return k, j
				}
			}
		}
		call := callWords[w] || postWords[w] ||
			(w == "calling" || w == "called" || w == "calls") && (ti.wordAt(k+1) == "for" || ti.wordAt(k+1) == "on")
		if !call {
			continue
		}
		for j := k + 1; j < n && j <= k+10 && ti.words[j].sent == ti.words[k].sent; j++ {
			if (ti.has(j, tThreat) || ti.has(j, tExclusion) || ti.has(j, tIncident)) && !negatedAt(ti, j) {
				return k, j
			}
		}
	}
	return -1, -1
}

// officeActs: acts of office, law and politics whose threat is no incident
// ("the council threatened to close the centre", "threatening to sue").
var officeActs = map[string]bool{"close": true, "sue": true, "resign": true, "quit": true, "withdraw": true,
	"cut": true, "scrap": true, "block": true, "veto": true, "strike": true, "sack": true, "fine": true,
	"cancel": true, "pull": true, "report": true, "boycott": true, "vote": true, "shut": true, "stop": true,
	"end": true, "halt": true, "suspend": true, "reduce": true, "raise": true, "increase": true, "delay": true,
	"derail": true, "collapse": true, "topple": true, "overturn": true, "challenge": true, "appeal": true,
	"leave": true, "expose": true, "publish": true, "reveal": true, "defund": true, "freeze": true}

// sanctionVerbs: what the law does to an offender ("was charged with").
var sanctionVerbs = map[string]bool{"charged": true, "arrested": true, "convicted": true, "jailed": true,
	"sentenced": true, "accused": true, "prosecuted": true, "cautioned": true, "fined": true, "remanded": true}

// victimVerbs: what a victim undergoes ("subjected to abuse", "suffered
// threats"): the incident after them was done to the subject.
var victimVerbs = map[string]bool{"subjected": true, "suffered": true, "suffer": true, "suffering": true,
	"endured": true, "faced": true, "face": true, "facing": true, "experienced": true, "victims": true,
	"victim": true, "targeted": true, "target": true}

// accountVerbs introduce what someone says happened or what they
// received.
var accountVerbs = map[string]bool{"says": true, "said": true, "say": true, "told": true, "tells": true,
	"claims": true, "claimed": true, "reported": true, "reports": true, "described": true, "describes": true,
	"received": true, "receives": true, "receiving": true, "sent": true}

// passiveChain reports a passive chain from the mention to the incident
// verb at b: "a Nigerian nurse was repeatedly abused and spat at", only
// the rest of the noun phrase ("mother of two"), then auxiliaries,
// adverbs, incident words and "and" between, with at least one
// auxiliary (not "were arrested after they attacked").
func passiveChain(ti *targetInfo, a, b int) bool {
	aux := false
	for k := a; k < b; k++ {
		w := ti.words[k]
		switch w.w {
		case "was", "were", "is", "are", "been", "being", "got", "get":
			aux = true
		case "has", "have", "had", "and":
		default:
			// the rest of the victim's noun phrase before the auxiliary:
			// "a Polish mother of two was abused"
			if !aux && (strings.HasPrefix(w.tag, "NN") || strings.HasPrefix(w.tag, "JJ") || w.tag == "CD" || w.tag == "DT" || w.w == "of") {
				continue
			}
			if !strings.HasPrefix(w.tag, "RB") && !ti.has(k, tIncident) {
				return false
			}
		}
	}
	return aux
}

// placeRelative reports a mention inside a relative clause about a place
// ("where a Roma family lives", "whose home"): within three words after
// where or whose.
func placeRelative(ti *targetInfo, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if w := ti.words[k].w; w == "where" || w == "whose" {
			return true
		}
	}
	return false
}

// adviceBodies: nouns after "advice" that make it an organisation's name.
var adviceBodies = map[string]bool{"charity": true, "charities": true, "centre": true, "center": true,
	"service": true, "services": true, "bureau": true, "agency": true, "worker": true, "workers": true,
	"group": true, "project": true, "organisation": true, "organization": true, "line": true}

// youModal: the modals of advice to the reader ("you can", "you should").
var youModal = map[string]bool{"can": true, "should": true, "could": true, "may": true, "must": true}

func wordsOf(ti *targetInfo) []string {
	w := make([]string, len(ti.words))
	for i := range ti.words {
		w[i] = ti.words[i].w
	}
	return w
}

// noMotive reports a denial of a hate motive at word i: "not (being)
// treated as a hate crime", "no evidence of a racial motive", "not
// racially motivated", "an accident", "faulty".
func noMotive(w []string, i int) bool {
	at := func(k int, s string) bool { return k >= 0 && k < len(w) && w[k] == s }
	switch w[i] {
	case "accident", "accidental", "accidentally", "faulty", "electrical":
		return true
	case "suggest", "suggestion", "indication", "evidence":
		// "nothing to suggest it was targeted because of ...", "no
		// indication that", "no evidence of a racial motive"
		return at(i-2, "nothing") && at(i-1, "to") || at(i-1, "no") || at(i-2, "no")
	case "treated", "treating":
		return (at(i-1, "not") || at(i-2, "not") || at(i-1, "n't")) && at(i+1, "as")
	case "motive", "motivated", "motivation":
		for k := i - 4; k < i; k++ {
			if at(k, "no") || at(k, "not") || at(k, "n't") || at(k, "without") {
				return true
			}
		}
	}
	return false
}
