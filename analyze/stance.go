package analyze

// Stance features: policy direction composed from a change verb and the
// policy object it applies to (models/stance.txt explains the sections).
//
// The first stance model (lexicon section counts only, trained on ~60
// hand-written rows) did not beat its keyword rule and fell to chance on
// new sentences (heldout_stance.csv: 0.43 vs 0.42), because a policy word
// alone does not say which way a sentence points: "end detention" and
// "more detention" share the word. These features compose the direction:
//
//	st:comp_R / st:comp_O  decrease x admission or increase x restriction
//	                       (R), decrease x restriction or increase x
//	                       admission (O); a negation at most 3 words before
//	                       the verb flips it. The object is the nearest
//	                       [admission]/[restriction]/[ceiling] hit at most 6
//	                       words after the verb in the same clause, else at
//	                       most 4 words before a passive verb
//	                       ("immigration will be capped").
//	st:measure             a restriction or ceiling no verb acts on ("an
//	                       annual limit on the number of refugees").
//	st:R / st:O            a direct position ([restrictive], [open]),
//	                       flipped by a negation at most 4 words before
//	                       ("no child should be locked up", "not welcome")
//	                       or an opposition word at most 2 before ("against
//	                       deporting"); not read when it is the object of a
//	                       change verb.
//
// Round 2 adds: "no" right before a change noun flips it ("no increase in
// the quota"); "no (new|further)" before an admission object is
// restrictive ("no new safe routes"); a restriction denied by a verbal
// negation is open ("we will not build any new asylum barges").
//
// Rounds 66 and 67 add [hostility] ("blaming", "demonisation", "abuse"): an
// object of decrease verbs only, when migrants named as people follow it in
// the clause ("stop blaming migrants", "end the demonisation of asylum
// seekers"): an open position (st:comp_O). Round 71: "against" after a noun
// of harm ("violence against refugees") is no change verb.
//
// Values are hit counts capped at 2. They are read only by the stance
// model, so the other models do not change with this lexicon.

import (
	"slices"
	"strings"
)

const (
	stDecrease = iota
	stIncrease
	stAdmission
	stRestriction
	stCeiling
	stRestrictive
	stOpen
	stHostility
	numStanceSections
)

var stanceSectionNames = []string{"decrease", "increase", "admission", "restriction", "ceiling", "restrictive", "open",
	"hostility"}

// harmBefore: nouns of harm whose victims "against" introduces ("violence
// against refugees"; round 71).
var harmBefore = map[string]bool{"violence": true, "crime": true, "crimes": true, "brutality": true,
	"discrimination": true, "racism": true, "prejudice": true, "hostility": true, "hatred": true, "hate": true,
	"abuse": true, "attack": true, "attacks": true, "bias": true, "aggression": true, "intolerance": true,
	"threats": true, "threat": true, "harassment": true, "offences": true, "offenses": true, "incidents": true,
	"incident": true, "xenophobia": true, "assaults": true, "assault": true, "atrocities": true}

// stancePeople: nouns that name migrants as people, at or right after an
// [admission] hit ("refugees", "asylum seekers", "migrant families").
var stancePeople = map[string]bool{"migrants": true, "migrant": true, "immigrants": true, "immigrant": true,
	"refugees": true, "refugee": true, "seekers": true, "seeker": true, "foreigners": true, "newcomers": true,
	"families": true, "children": true, "workers": true, "people": true, "arrivals": true, "asylum-seekers": true}

// amountVerb reports whether a [decrease]/[increase] word changes an
// amount ("raise the cap") rather than creating or ending a measure
// ("introduce a cap").
func amountVerb(w string) bool {
	for _, p := range []string{"rais", "increas", "doubl", "tripl", "lower", "reduc", "cut", "halv", "slash", "boost", "widen", "broaden"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// tightenVerb: the [decrease] verbs that, said of a restriction, make it
// stricter ("tighten the rules", "toughen checks"), where "cut" or "curb"
// would loosen it.
func tightenVerb(w string) bool {
	return strings.HasPrefix(w, "tighten") || strings.HasPrefix(w, "toughen")
}

// stanceFeats are the stance model's features: the direction features
// above, nothing else. The main lexicon's section and clause features
// (lexFeats, the first stance model) were tried with them and without them
// in 5-fold cross-validation on the train split of hand_stance.csv
// (experiment_stance_test.go): direction features alone 0.918 macro-F1,
// with lexFeats 0.893, with lexFeats and word n-grams 0.885, lexFeats
// alone 0.740, keyword rule 0.704.
func (s *Scorer) stanceFeats(u *unit) []feat {
	fs := s.directionFeats(u)
	return append(fs, s.positionFeats(u)...)
}

// positionFeats (round 2): what the target analysis says of migrants
// (hostility points restrictive, praise and condemned hostility open), the
// policy sections of the main lexicon, and the unit's words (lexBag), so
// that a sentence about immigration policy with no composed direction
// still gets one from what it says ("those who come here must learn
// English", "immigration has brought enormous benefits").
func (s *Scorer) positionFeats(u *unit) []feat {
	var fs []feat
	flag := func(name string, ok bool) {
		if ok {
			fs = append(fs, feat{name, 1, -1, -1})
		}
	}
	hostile, praise, condemned := false, false, false
	for _, l := range u.ti.links {
		if !l.linked || l.kind != kMigrant {
			continue
		}
		switch {
		case isHostileCat(l.cat) && l.status == stOwn:
			hostile = true
		case l.cat == tPositive && l.status == stOwn:
			praise = true
		case l.cat == tPositive && l.status == stNeg:
			hostile = true
		case isHostileCat(l.cat) && l.status == stCond:
			condemned = true
		}
	}
	flag("sp:hostile", hostile)
	flag("sp:praise", praise)
	flag("sp:condemned", condemned)
	flag("sp:restrictive", u.secCount[secRestrictive] > 0)
	flag("sp:welcoming", u.secCount[secWelcoming] > 0)
	flag("sp:exclusion", u.secCount[secExclusion] > 0)
	return append(fs, lexBag(u.ti)...)
}

// directionFeats are the composed direction features described above.
func (s *Scorer) directionFeats(u *unit) []feat {
	fs, _ := s.direction(u)
	return fs
}

// genericObject: policy objects that exist outside migration too ("scrap
// tuition fees", "raise the cap on bus fares"); a direction on them alone
// does not make a unit about migration policy.
var genericObject = map[string]bool{"fee": true, "fees": true, "charge": true, "charges": true, "threshold": true,
	"checks": true, "requirement": true, "requirements": true, "fines": true, "penalty": true, "penalties": true,
	"offence": true, "offences": true, "offense": true, "offenses": true, "delays": true, "backlog": true,
	"backlogs": true, "controls": true, "restrictions": true, "restriction": true, "barrier": true, "barriers": true,
	"tag": true, "tagging": true, "curfew": true, "curfews": true, "wall": true, "fence": true, "camps": true,
	"numbers": true, "places": true, "protection": true, "entry": true, "partners": true, "relatives": true,
	"spouses": true, "dependants": true, "dependents": true, "applicants": true, "claimants": true, "permits": true,
	"cap": true, "caps": true, "limit": true, "limits": true, "quota": true, "quotas": true, "ceiling": true,
	"ceilings": true, "the": true, "ban": true, "raid": true, "raids": true, "enforcement": true, "patrols": true,
	"intake": true, "admission": true, "admissions": true}

// direction returns the direction features and whether one of them acts
// on a migration-specific object (not in genericObject), computed once per
// unit.
func (s *Scorer) direction(u *unit) ([]feat, bool) {
	if !u.dirDone {
		u.dirFeats, u.dirSpecific, u.dirCounted = s.computeDirection(u)
		u.dirDone = true
	}
	return slices.Clip(u.dirFeats), u.dirSpecific
}

func (s *Scorer) computeDirection(u *unit) (fs []feat, specific, counted bool) {
	n := len(u.words)
	if n == 0 || s.slex == nil {
		return fs, false, false
	}
	hits := s.slex.match(u.words, nil)
	if len(hits) == 0 {
		return fs, false, false
	}
	objSpecific := func(o lexHit) bool {
		for i := o.start; i < o.end && i < n; i++ {
			if !genericObject[u.words[i]] {
				return true
			}
		}
		return false
	}
	// Verbal negation only: "no", "nobody", "without" negate a noun, not
	// the position ("nobody who fled war is turned away" is open).
	// "no longer" is verbal ("we can no longer accept refugees"; round 38)
	neg := make([]bool, n)
	for _, h := range u.hits {
		if h.section != secNegation {
			continue
		}
		// a negation that denies a judgement is the judgement's ("it is
		// not wrong to deport ...", round 139)
		j := h.end
		for j < n && (u.words[j] == "a" || u.words[j] == "an" || tIntensifiers[u.words[j]]) {
			j++
		}
		if j < n && wrongJudgements[u.words[j]] {
			continue
		}
		if !nounNegator[u.words[h.start]] || u.words[h.start] == "no" && h.start+1 < n && u.words[h.start+1] == "longer" {
			for i := h.start; i < h.end && i < n; i++ {
				neg[i] = true
			}
		}
	}
	asked := whyAsked(u, neg)
	sameClause := func(i, j int) bool { return i >= 0 && j >= 0 && i < n && j < n && u.clause[i] == u.clause[j] }
	// the words a negation reaches over without their counting toward its
	// reach: a denied continuation or means denies what would go on
	// ("cannot afford to take in more", "can no longer keep accepting",
	// "cannot continue to house more"; round 38)
	reach := func(neg []bool, i, k int) bool {
		for j := i - 1; j >= 0 && j >= i-k && sameClause(i, j); j-- {
			if neg[j] {
				return true
			}
			if negReachOver[u.words[j]] {
				k++
			}
		}
		return false
	}
	negBefore := func(i, k int) bool { return reach(neg, i, k) || asked != nil && asked[i] }
	type acc struct {
		n          int
		start, end int
	}
	dirs := map[string]*acc{}
	add := func(name string, a, b int) {
		d := dirs[name]
		if d == nil {
			d = &acc{start: u.spans[a][0], end: u.spans[min(b, n-1)][1]}
			dirs[name] = d
		}
		d.n++
	}
	flip := func(r bool) string {
		if r {
			return "R"
		}
		return "O"
	}
	isObj := func(sec int) bool { return sec == stAdmission || sec == stRestriction || sec == stCeiling }
	isVerb := func(sec int) bool { return sec == stDecrease || sec == stIncrease }
	// better reports whether object hit a is preferred to b at the same
	// position: the longer phrase ("immigration prison" over "immigration").
	better := func(a, b lexHit) bool { return a.start == b.start && a.end > b.end }
	// head moves an object hit to the head of its noun phrase: a following
	// object hit that starts right after it ("immigration detention" ->
	// detention, "immigration enforcement officers" -> enforcement).
	// Not from a gerund, whose object follows it ("deporting asylum
	// seekers"), nor from hostility ("blaming migrants"; round 66).
	head := func(k int) int {
		for moved := true; moved; {
			moved = false
			if hits[k].section == stHostility || strings.HasSuffix(u.words[hits[k].end-1], "ing") {
				break
			}
			for j, o := range hits {
				if isObj(o.section) && o.start == hits[k].end && sameClause(o.start, hits[k].start) {
					k, moved = j, true
					break
				}
			}
		}
		return k
	}
	// opposition words are negations of what follows them ("I'm against
	// deporting refugees"), a noun negator right before a change noun
	// negates it ("no increase in the quota", "no expansion of")
	oppose := func(i int) bool {
		for j := i - 1; j >= 0 && j >= i-2 && sameClause(i, j); j-- {
			switch u.words[j] {
			case "against", "oppose", "opposes", "opposed", "opposing", "reject", "rejects", "rejected", "rejecting":
				return true
			}
		}
		return false
	}
	// "no refugees", "no new safe routes"; not "No, refugees don't ..."
	// (an answer, in a clause of its own) nor "no migrant should have to
	// sleep rough" (the subject of a modal, whose verb says the
	// direction; round 18)
	noBefore := func(i int) bool {
		return i > 0 && u.clause[i-1] == u.clause[i] && (u.words[i-1] == "no" ||
			i > 1 && u.words[i-2] == "no" && (u.words[i-1] == "new" || u.words[i-1] == "further")) &&
			!(i+1 < len(u.words) && subjectModals[u.words[i+1]])
	}
	// peopleAfter returns the [admission] hit that names migrants as people
	// after hostility o in its clause, or -1. Ending hostility toward
	// migrants is an open position (round 66); toward anyone else it is
	// none ("stop the hate against gay people"), nor toward a system ("end
	// the abuse of our asylum system"; round 67).
	peopleAfter := func(o lexHit) int {
		for k, a := range hits {
			if a.section == stAdmission && a.start >= o.end && a.start <= o.end+4 && sameClause(o.start, a.start) &&
				(stancePeople[u.words[a.end-1]] || a.end < n && stancePeople[u.words[a.end]]) {
				return k
			}
		}
		return -1
	}
	// actPeople[k]: for a [hostility] hit k that is a hostile act toward
	// migrants, the people hit after it (peopleAfter), else -1. A naming
	// verb is a hostility only with the restrictive term it names the
	// people by: "calling refugees illegals", not "calling them immigrants"
	// (round 89).
	actPeople := make([]int, len(hits))
	for k, o := range hits {
		actPeople[k] = -1
		if o.section != stHostility {
			continue
		}
		at := peopleAfter(o)
		if at < 0 {
			continue
		}
		named := !namingGerunds[u.words[o.start]] // the naming verbs of [hostility]
		for _, d := range hits {
			named = named || d.section == stRestrictive && d.start >= hits[at].end && d.start <= hits[at].end+3 && sameClause(o.start, d.start)
		}
		if named {
			actPeople[k] = at
		}
	}
	// judgedWrong reports a position at [a, b) judged wrong, which is the
	// opposite position (round 139): a judgement right before the "to"
	// of its infinitive ("It is wrong to let illegal immigrants stay",
	// "it would be a mistake to cut the quota"), or a gerund opening the
	// clause that goes on with a copula and a judgement ("Deporting these
	// families would be wrong"); "not" before the judgement cancels it.
	notBefore := func(j int) bool {
		for q := j - 1; q >= 0 && q >= j-3 && sameClause(j, q); q-- {
			if w := u.words[q]; w == "not" || w == "never" || strings.HasSuffix(w, "n't") {
				return true
			}
		}
		return false
	}
	// a judgement others are reported to make is not the text's: "Their
	// new position is that it's immoral to restrict immigration"
	reportedBefore := func(j int) bool {
		for q := j - 1; q >= 0 && q >= j-8 && u.clause[q] >= u.clause[j]-1; q-- {
			if reportWords[u.words[q]] && (q == 0 || u.words[q-1] != "i" && u.words[q-1] != "we") {
				return true
			}
		}
		return false
	}
	judgedWrong := func(a, b int) bool {
		if a >= 2 && u.words[a-1] == "to" && sameClause(a, a-2) && wrongJudgements[u.words[a-2]] {
			return !notBefore(a-2) && !reportedBefore(a-2)
		}
		c := a
		for c > 0 && sameClause(a, c-1) {
			c--
		}
		if a-c > 3 || !strings.HasSuffix(u.words[c], "ing") {
			return false
		}
		for j := b; j < n && sameClause(a, j); j++ {
			if !judgeCopulas[u.words[j]] {
				continue
			}
			for q := j + 1; q < n && q <= j+4 && sameClause(a, q); q++ {
				if wrongJudgements[u.words[q]] {
					return !notBefore(q)
				}
			}
			return false
		}
		return false
	}
	consumed := make([]bool, len(hits)) // verbs read as part of a chain
	used := make([]bool, len(hits))     // objects of some verb
	var direct []int                    // [restrictive]/[open] hits, read after the verbs
	for hi, h := range hits {
		if consumed[hi] {
			continue
		}
		switch h.section {
		case stRestrictive, stOpen:
			direct = append(direct, hi)
		case stDecrease, stIncrease:
			// "violence against refugees", "hate crimes against
			// immigrants": "against" after a noun of harm is its
			// preposition, no opposition (round 71)
			if u.words[h.start] == "against" && h.start > 0 && harmBefore[u.words[h.start-1]] {
				continue
			}
			for j, v := range hits {
				if j != hi && isVerb(v.section) && v.start > h.start && v.start < h.end {
					consumed[j] = true // "more" inside "no more"
				}
			}
			// nearest object after the verb, else before it; neither side
			// reaches past a conjunction ("end the hotel contracts and give
			// asylum seekers homes": asylum belongs to give)
			wlo, whi := h.start-4, h.end+5
			for j := h.end; j < n && j <= whi; j++ {
				// nor past a means ("should be reduced through better
				// border controls": the controls are the means, the
				// object is before the passive verb; round 222)
				if conjunctions[u.words[j]] || meansWords[u.words[j]] {
					whi = j - 1
					break
				}
			}
			for j := h.start - 1; j >= 0 && j >= wlo; j-- {
				if conjunctions[u.words[j]] {
					wlo = j + 1
					break
				}
			}
			obj := -1
			for k, o := range hits {
				// hostility is an object of a decrease only: "stop blaming
				// migrants", "end the abuse of refugees" (round 66)
				hostile := h.section == stDecrease && actPeople[k] >= 0
				if !isObj(o.section) && !hostile || o.start < h.end || o.start > whi || !sameClause(h.start, o.start) {
					continue
				}
				if obj < 0 || o.start < hits[obj].start || better(o, hits[obj]) {
					obj = k
				}
			}
			if obj >= 0 {
				obj = head(obj)
			}
			// a passive verb takes its object before it: "will be capped",
			// and the reduced passive "failed applicants removed quickly"
			// (decrease verbs only: "the number of refugees admitted" is a
			// count, not an admission)
			reduced := h.section == stDecrease && strings.HasSuffix(u.words[h.start], "ed") && h.start > 0 && objEndsAt(hits, h.start, isObj)
			if obj < 0 && (passiveAux(u.words, h.start) || reduced) {
				for k, o := range hits {
					if !isObj(o.section) || o.end > h.start || o.start < wlo || !sameClause(h.start, o.start) {
						continue
					}
					if obj < 0 || o.end > hits[obj].end {
						obj = k
					}
				}
			}
			if obj < 0 {
				continue
			}
			o := hits[obj]
			used[obj] = true
			// a count is no position, but a count of migrants is about
			// migration ("more than 3,000 people arrived"; round 229)
			if comparedOnly(u, h) {
				counted = counted || objSpecific(o)
				continue
			}
			if o.section == stHostility {
				at := actPeople[obj]
				used[at] = true
				o.end = hits[at].end
				// "stop treating migrants like criminals", "stop calling
				// refugees illegals" (rounds 88, 89): the terms the hostile
				// act uses are its own words, no position
				for j, d := range hits {
					if (d.section == stRestrictive || d.section == stOpen) && d.start >= o.end && d.start <= o.end+3 && sameClause(o.start, d.start) {
						used[j] = true
					}
				}
			}
			admits := o.section == stAdmission || o.section == stCeiling && amountVerb(u.words[h.start])
			r := (h.section == stDecrease) == admits // decrease x admission, increase x restriction
			if o.section == stRestriction && tightenVerb(u.words[h.start]) {
				r = true // "tighten border controls": more restriction, not less
			}
			// a chain of change verbs composes: "reverse the cuts to the
			// refugee programme" is open; inner verbs are not read again.
			for j, v := range hits {
				if j != hi && isVerb(v.section) && v.start >= h.end && v.end <= o.start {
					consumed[j] = true
					if v.section == stDecrease {
						r = !r
					}
					// "oppose any increase in the quota": an inner verb
					// of amount makes a ceiling the amount it changes
					// (round 38)
					if o.section == stCeiling && amountVerb(u.words[v.start]) && !amountVerb(u.words[h.start]) {
						r = !r
					}
				}
			}
			for j, v := range hits {
				if isVerb(v.section) && v.start >= o.start && v.start < o.end {
					consumed[j] = true // "ban" inside "the ban on"
				}
			}
			if negBefore(h.start, 3) || noBefore(h.start) || h.section != stDecrease && oppose(h.start) {
				r = !r
			}
			if judgedWrong(min(h.start, o.start), max(h.end, o.end)) {
				r = !r
			}
			specific = specific || objSpecific(o)
			add("st:comp_"+flip(r), min(h.start, o.start), max(h.end, o.end)-1)
		}
	}
	// a direct position that is the object of a change verb was read with
	// it ("against deporting refugees" is not "deport")
	for _, hi := range direct {
		h := hits[hi]
		inObj := false
		for k, o := range hits {
			inObj = inObj || used[k] && o.start < h.end && h.start < o.end
		}
		if inObj {
			continue
		}
		r := h.section == stRestrictive
		// "no amnesty", "no route to citizenship" (round 38)
		// a "why should" question denies its act, not the names of the
		// people it acts on ("why should taxpayers help illegal
		// immigrants?" keeps "illegal immigrants" restrictive; round 221)
		// (the people the speaker puts first are no act a negation
		// denies: "we cannot even house our own people"; round 236)
		if reach(neg, h.start, 4) && !ownPeople(u, h) || asked != nil && asked[h.start] && !namesPeople(u, h) ||
			oppose(h.start) || noBefore(h.start) {
			r = !r
		}
		if judgedWrong(h.start, h.end) {
			r = !r
		}
		add("st:"+flip(r), h.start, h.end-1)
	}
	// an admission object with no verb denied by "no" ("there will be no
	// new safe routes")
	for k, o := range hits {
		if !used[k] && o.section == stAdmission && noBefore(o.start) {
			specific = specific || objSpecific(o)
			add("st:comp_R", o.start, o.end-1)
		}
	}
	// a measure that no verb acts on ("an annual limit on the number of
	// refugees", "the ban on asylum seekers working")
	for k, o := range hits {
		if !used[k] && (o.section == stRestriction || o.section == stCeiling) {
			// a measure denied is an open position ("we will not build
			// any new asylum barges")
			if negBefore(o.start, 5) || noBefore(o.start) { // "no cap on refugee numbers" (round 38)
				add("st:comp_O", o.start, o.end-1)
			} else {
				add("st:measure", o.start, o.end-1)
			}
			specific = specific || objSpecific(o)
		}
	}
	for _, name := range []string{"st:R", "st:O", "st:comp_R", "st:comp_O", "st:measure"} {
		if d := dirs[name]; d != nil {
			fs = append(fs, feat{name, float64(min(d.n, 2)), d.start, d.end})
		}
	}
	return fs, specific, counted
}

// whyAsked (round 221) reads a rhetorical "why should/would" question
// that opens its clause as the denial of what it asks: it returns the
// words the question denies, from the second after the modal to the end of
// its clause ("why should this town welcome yet more refugees?"
// is restrictive, "why should asylum seekers be locked up?" open), or nil.
// A negation right after the modal is the question's, not the position's
// ("why shouldn't we help refugees?" asks for help): it is cleared from
// neg. A question the next sentence answers ("... ? Because they need our
// help.") denies nothing. The question opens its clause, after a
// conjunction or "so" at most.
func whyAsked(u *unit, neg []bool) []bool {
	var asked []bool
	tw := u.ti.words
	for x := 0; x+1 < len(tw); x++ {
		modal := tw[x+1].w
		if tw[x].w != "why" || !tw[x].ask || !whyModals[modal] && !whyVerbs[modal] && modal != "not" ||
			x > 0 && tw[x-1].cl == tw[x].cl && !conjunctions[tw[x-1].w] && tw[x-1].w != "so" {
			continue
		}
		if answered(u.ti, x) {
			continue
		}
		m := slices.IndexFunc(u.spans, func(sp [2]int) bool { return sp[0] == tw[x+1].s })
		if m < 0 {
			continue
		}
		from := -1 // the first word the question denies
		switch {
		case modal == "not": // "why not take in more refugees?" asks for it (round 236)
			neg[m] = false
		case whyVerbs[modal]:
			// a bare verb asked ("so why take in more migrants?", "why
			// let them in?"; round 236): the verb and its clause are
			// denied
			from = m
		case neg[m]: // "why shouldn't we"
			neg[m] = false
		case m+1 < len(neg) && neg[m+1]: // "why should not"
			neg[m+1] = false
		case m+2 < len(neg) && neg[m+2] && u.clause[m+2] == u.clause[m]: // "why should we not"
			neg[m+2] = false
		default:
			// the clause after the modal's first word is denied: "why
			// should this town welcome yet more refugees?" reaches "more",
			// not a subject of one word ("why should taxpayers ...")
			from = m + 2
		}
		if from < 0 {
			continue
		}
		if asked == nil {
			asked = make([]bool, len(neg))
		}
		// the subordinate clause is not the question's ("... when our own
		// people are homeless?")
		for k := from; k < len(neg) && u.clause[k] == u.clause[m] && !subordinators[u.words[k]]; k++ {
			asked[k] = true
		}
	}
	return asked
}

// ownPeople reports the restrictive hit "our own people".
func ownPeople(u *unit, h lexHit) bool {
	return h.end-h.start == 3 && u.words[h.start] == "our" && u.words[h.start+1] == "own" && u.words[h.start+2] == "people"
}

// namesPeople reports a stance hit that overlaps a mention of people
// ("illegal immigrants", "illegals"): a naming, not an act.
func namesPeople(u *unit, h lexHit) bool {
	a, b := u.spans[h.start][0], u.spans[h.end-1][1]
	for _, m := range u.ti.mentions {
		if u.ti.words[m.i].s < b && u.ti.words[m.j-1].e > a {
			return true
		}
	}
	return false
}

// whyModals: the modals of a rhetorical "why" question (whyAsked).
var whyModals = map[string]bool{"should": true, "would": true, "shouldn't": true, "wouldn't": true}

// whyVerbs: bare verbs a rhetorical "why" asks of the listener ("why take in
// more migrants?", "why keep paying for hotels?"; round 236).
var whyVerbs = map[string]bool{"let": true, "give": true, "take": true, "keep": true, "welcome": true,
	"accept": true, "allow": true, "bring": true, "pay": true, "spend": true, "house": true, "deport": true,
	"send": true, "admit": true, "grant": true, "fund": true, "import": true, "reward": true, "open": true,
	"lock": true, "detain": true, "remove": true, "turn": true}

// meansWords introduce the means of a change, not its object (round 222).
var meansWords = map[string]bool{"through": true, "via": true, "using": true, "by": true}

// wrongJudgements: negative judgements of a position (round 139).
var wrongJudgements = map[string]bool{"wrong": true, "mistake": true, "madness": true, "mad": true, "insane": true,
	"crazy": true, "cruel": true, "shameful": true, "shame": true, "disgrace": true, "disgraceful": true,
	"unfair": true, "unjust": true, "inhumane": true, "immoral": true, "disaster": true, "disastrous": true,
	"stupid": true, "foolish": true, "unacceptable": true, "outrageous": true, "scandal": true, "scandalous": true,
	"appalling": true, "evil": true, "ridiculous": true, "absurd": true, "barbaric": true, "irresponsible": true}

// reportWords: words that report a position as someone else's (round 139).
var reportWords = map[string]bool{"position": true, "say": true, "says": true, "said": true, "claim": true,
	"claims": true, "argue": true, "argues": true, "insist": true, "insists": true, "think": true, "thinks": true,
	"believe": true, "believes": true, "tell": true, "tells": true, "told": true}

// judgeCopulas: the copulas between a judged gerund and its judgement.
var judgeCopulas = map[string]bool{"is": true, "was": true, "are": true, "were": true, "be": true, "been": true,
	"'s": true}

// negReachOver: words a stance negation reaches over (round 38).
var negReachOver = map[string]bool{"afford": true, "to": true, "keep": true, "continue": true, "longer": true,
	"any": true, "go": true, "on": true}

// comparedOnly reports a change word that only counts or compares (round
// 229): "more than 3,000 people arrived", "fewer than 200 claims were
// decided", "less likely to commit crimes" change no admission. A count
// under a modal of demand is a position ("should take fewer than 50
// refugees"); "no more than" is a decrease phrase of its own.
func comparedOnly(u *unit, h lexHit) bool {
	if h.end != h.start+1 || h.end >= len(u.words) {
		return false
	}
	switch u.words[h.start] {
	case "more", "fewer", "less", "greater":
	default:
		return false
	}
	switch u.words[h.end] {
	case "likely", "unlikely", "often", "frequently", "common":
		return true
	case "than":
	default:
		return false
	}
	for j := h.start - 1; j >= 0 && u.clause[j] == u.clause[h.start]; j-- {
		if wishModals[u.words[j]] {
			return false
		}
	}
	return true
}

// subjectModals follow a subject ("no migrant should have to ...").
var subjectModals = map[string]bool{"should": true, "must": true, "ought": true, "deserves": true, "deserve": true,
	"needs": true, "has": true, "have": true}

// nounNegator: negation words that negate a noun phrase rather than the
// clause's position.
var nounNegator = map[string]bool{"no": true, "nobody": true, "none": true, "nothing": true, "without": true, "no one": true}

// passiveAux reports whether the verb at i is passive ("will be capped",
// "has been cut"): only then is its object looked for before it ("the
// number of refugees admitted" is not "admit refugees").
func passiveAux(words []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch words[j] {
		case "be", "been", "being", "is", "are", "was", "were", "get", "gets", "got":
			return true
		}
	}
	return false
}

var conjunctions = map[string]bool{"and": true, "or": true, "but": true, "then": true, "while": true, "whereas": true}

// hasStanceCue reports whether a unit expresses a position at all: a hit
// of the main lexicon's policy sections, a stance direction feature, an
// evaluation of migrants (hostility, praise, condemned hostility), or a
// normative or programmatic verb ("we will", "must", "should", "plan to",
// "oppose"). A plain report of a fact ("net migration was 300,000") has
// none and gets stance 0.
func hasStanceCue(u *unit, sf []feat) bool {
	if u.secCount[secRestrictive]+u.secCount[secWelcoming]+u.secCount[secExclusion] > 0 {
		return true
	}
	for _, f := range sf {
		if strings.HasPrefix(f.name, "st:") || strings.HasPrefix(f.name, "sp:") {
			return true
		}
	}
	for _, w := range u.words {
		if normative[w] {
			return true
		}
	}
	return false
}

// normative words state a programme or a position.
var normative = map[string]bool{"will": true, "'ll": true, "shall": true, "should": true, "must": true,
	"need": true, "needs": true, "ought": true, "plan": true, "plans": true, "promise": true, "promises": true,
	"pledge": true, "pledges": true, "commit": true, "committed": true, "intend": true, "intends": true,
	"propose": true, "proposes": true, "support": true, "supports": true, "oppose": true, "opposes": true,
	"want": true, "wants": true, "demand": true, "demands": true, "call": true, "calls": true, "urge": true,
	"urges": true, "believe": true, "believes": true, "insist": true, "insists": true, "ensure": true,
	"would": true, "won't": true, "cannot": true, "can't": true, "backed": true, "backs": true, "vowed": true,
	"vows": true, "welcome": true, "welcomes": true, "reject": true, "rejects": true}

// objEndsAt reports an object hit that ends right before word i.
func objEndsAt(hits []lexHit, i int, isObj func(int) bool) bool {
	for _, o := range hits {
		if isObj(o.section) && o.end == i {
			return true
		}
	}
	return false
}
