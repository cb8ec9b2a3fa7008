package analyze

import (
	"slices"
	"strings"
)

// This file holds the target analysis's readings of what is said of whom
// without a hostile or a praise word linked in the usual way (rounds 12 and
// 17 to 22).
//
// Insinuation: hostility with no hostile word said of anyone. A harm is
// tied to the time migrants came ("the bike thefts started the month the
// immigrants arrived", round 12 and round 17), a place is said to have been
// better before they came ("this street used to be safe before the
// immigrants came", round 17), a reader is asked to draw the conclusion
// ("draw your own conclusions", "just saying", round 17), more migrants are
// welcomed in irony ("oh great, more refugees", rounds 17 and 20), or a lock
// is recommended ("might be a good week to buy a better lock", round 12).
//
// Then: migrants as a danger to protect from, thanks addressed to someone
// else, claims of likelihood (round 17); praise in a verbless phrase
// (round 18); standing up for migrants (round 21); hostility rejected with a
// negated verb (round 22).

// insinuationCues: cues of insinuation that are stereotype hits reaching a
// migrant mention anywhere in the unit (round 12).
var insinuationCues = func() *lexicons {
	lx, err := parseSections(`[cue]
"funny how" "strange how" "odd how" "weird how" "pure coincidence" "just a coincidence" "what a coincidence" "coincidence" "better lock" "new lock"
"lock your doors" "lock the back door" "lock up your" "lock your back door" "cultural enrichment"
"dose of enrichment" "more enrichment" "bit of enrichment"
"hide the silverware" "hide your silverware" "hide the valuables" "hide your valuables" "hide your jewellery"
"hide your jewelry" "hide your wallet" "count your kids" "count your children" "keep your daughters"
"keep your kids in" "keep your kids indoors" "keep the kids in" "keep your children indoors" "watch your wallet"
"watch your wallets" "watch your handbag" "watch your handbags" "watch your purse" "hold on to your handbag"
"hold on to your handbags" "hold onto your handbag" "hold onto your handbags" "hold on to your wallet"
"hold onto your wallet" "hold on to your purse" "hold onto your purse" "clutch your purse"`, []string{"cue"})
	if err != nil {
		panic(err)
	}
	return lx
}()

// timingRemark: the first words of the remarks "funny how", "strange how",
// "odd how", "weird how" (round 72), cues only with a harm or wealth.
var timingRemark = map[string]bool{"funny": true, "strange": true, "odd": true, "weird": true}

// luxuryWords: goods whose mention with "funny how" insinuates that the
// need is feigned (round 72).
var luxuryWords = map[string]bool{"iphone": true, "iphones": true, "smartphone": true, "smartphones": true,
	"designer": true, "rolex": true, "gucci": true, "nike": true, "trainers": true, "sneakers": true,
	"phones": true, "jewellery": true, "jewelry": true}

// insinuationHits adds a stereotype hit for every insinuation cue of a unit
// that names migrants.
func insinuationHits(ti *targetInfo, words []string) {
	if !slices.ContainsFunc(ti.mentions, func(m mention) bool { return m.kind == kMigrant && !m.pronoun }) {
		return
	}
	// a remark on timing ("funny how", "coincidence") insinuates only
	// with a harm to time ("the bike thefts started the month they
	// arrived"), not of itself ("funny how the people who moan about
	// refugees have never met one")
	// or with wealth that belies the need ("funny how the refugees all have
	// iPhones"; round 72)
	harm := ti.count[tStereotype] > 0 || slices.ContainsFunc(words, func(w string) bool { return luxuryWords[w] })
	marks := cueHits(ti, words, insinuationCues, tStereotype, func(h lexHit) bool {
		return !harm && (timingRemark[words[h.start]] || strings.HasSuffix(words[h.end-1], "coincidence"))
	})
	if ti.insinuate == nil {
		ti.insinuate = marks
		return
	}
	for k, m := range marks {
		ti.insinuate[k] = ti.insinuate[k] || m
	}
}

// counterfactualAbsence reads a sentence about a place without migrants
// ("without (the) MIGRANTS ...", "if there were no MIGRANTS ...") by what
// its "would" clause says that place would be. An improvement (a word of
// goodWords, a VADER word of 1.5 or more, a fall of a harm: "crime would
// fall") is a stereotype hit tied to the migrants (round 127): "without the
// migrants our town would be safe again". A loss (a VADER word of -1 or
// less, lossWords: "our hospitals would be in serious trouble", "this town
// would be a much poorer place") is what their absence causes, not said of
// them: the word makes no VADER term (round 128; dependence reads the
// contribution).
func (s *Scorer) counterfactualAbsence(ti *targetInfo) {
	n := len(ti.words)
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.pronoun || m.place {
			continue
		}
		b := beforeDeterminers(ti, m.i)
		// "without seasonal workers from abroad" (round 203): one
		// adjective between (untagged: one word of no lexicon section)
		if b > 0 && ti.wordAt(b-1) == "without" && ti.words[b].cl == ti.words[m.i].cl &&
			(ti.tagged && ti.words[b].tag == "JJ" || !ti.tagged && ti.secAt[b] == 0) {
			b--
		}
		if b < 0 || ti.words[b].sent != ti.words[m.i].sent {
			continue
		}
		switch {
		case ti.words[b].w == "without":
		case ti.words[b].w == "no" && b >= 2 && (ti.wordAt(b-1) == "were" || ti.wordAt(b-1) == "was") && ti.wordAt(b-2) == "there":
			// "if there were no more foreigners" supposes their absence,
			// it calls for nothing ("no more" is an exclusion phrase)
			ti.dropSection(tExclusion, b, m.i)
		default:
			continue
		}
		// "without migrant nurses": the migrants head no phrase of their
		// own, the nurses are what the place would lack
		head := m.j >= n || !strings.HasPrefix(ti.words[m.j].tag, "NN") || migrantMentionAt(ti, m.j)
		// a harm named anywhere in the sentence ("crime ... would fall")
		sent, harm := ti.words[m.i].sent, false
		for j := 0; j < n; j++ {
			if ti.words[j].sent == sent && (harmNouns[ti.words[j].w] || harmWords[ti.words[j].w]) {
				harm = true
			}
		}
		for k := 0; k < n; k++ {
			if ti.words[k].w != "would" && ti.words[k].w != "wouldn't" || ti.words[k].sent != sent {
				continue
			}
			for j := k + 1; j < n && ti.words[j].cl == ti.words[k].cl; j++ {
				w := ti.words[j].w
				v := s.vlex[w]
				if ti.wordAt(j-1) == "not" || ti.words[k].w == "wouldn't" || m.i <= j && j < m.j {
					break
				}
				fall := harm && (fallWords[w] || fallAfter[w] != "" && ti.wordAt(j+1) == fallAfter[w])
				if head && (goodWords[w] || goodWords[s.vocab.adjBase(w)] || v >= 1.5 || fall) {
					ti.tieHit(j, j+1, m.i, true)
					// "there were no migrants" denies their presence,
					// not what is said of them
					ti.dropSection(tNegation, b, b+1)
					return
				}
				if !fall && (v <= -1 || lossWords[w] || ti.has(j, tThreat)) {
					ti.markNoTerm(j)
					// "crops would rot", "the town would die" (round
					// 203): a loss of the place, no threat to anyone
					ti.dropSection(tThreat, j, j+1)
				}
			}
		}
	}
}

// markNoTerm keeps word k from being a VADER term.
func (ti *targetInfo) markNoTerm(k int) {
	if ti.noTerm == nil {
		ti.noTerm = make([]bool, len(ti.words))
	}
	ti.noTerm[k] = true
}

// insinuationTags ask the reader to draw a conclusion the text does not
// state ("draw your own conclusions", "just saying"). With a harm in a unit
// that names migrants they make it an insinuation about them (round 17).
var insinuationTags = func() *lexicons {
	lx, err := parseSections(`[tag]
"draw your own conclusions" "draw your own conclusion" "do the math" "do the maths" "just saying" "just sayin"
"i'll say no more" "say no more" "need i say more" "you'll see what i mean" "go figure" "make of that what you will"
"make of it what you will" "connect the dots" "join the dots" "i'll let you decide"`, []string{"tag"})
	if err != nil {
		panic(err)
	}
	return lx
}()

// harmNouns: harms a text may pin on newcomers by timing (round 17).
var harmNouns = map[string]bool{"crime": true, "crimes": true, "theft": true, "thefts": true, "burglary": true,
	"burglaries": true, "break-in": true, "break-ins": true, "robbery": true, "robberies": true, "mugging": true,
	"muggings": true, "shoplifting": true, "vandalism": true, "stabbing": true, "stabbings": true, "assault": true,
	"assaults": true, "rape": true, "rapes": true, "fights": true, "litter": true, "drugs": true, "violence": true,
	"disorder": true, "antisocial": true, "anti-social": true}

// riseWords say a harm started or grew; fallWords that it ended or fell;
// both as single words or as the first word of riseAfter / fallAfter
// pairs ("shot up", "went down").
var (
	riseWords = map[string]bool{"started": true, "start": true, "starts": true, "starting": true, "began": true,
		"begin": true, "begins": true, "begun": true, "rose": true, "rise": true, "rises": true, "risen": true,
		"rising": true, "soared": true, "soar": true, "soars": true, "soaring": true, "doubled": true,
		"tripled": true, "trebled": true, "increased": true, "increase": true, "increases": true, "spiked": true,
		"surged": true, "skyrocketed": true, "exploded": true, "multiplied": true}
	riseAfter = map[string]string{"shot": "up", "went": "up", "gone": "up", "go": "up", "goes": "up", "going": "up",
		"kicked": "off", "took": "off", "got": "worse", "getting": "worse", "get": "worse", "gotten": "worse"}
	fallWords = map[string]bool{"fell": true, "fall": true, "falls": true, "fallen": true, "falling": true,
		"dropped": true, "drop": true, "drops": true, "dropping": true, "decreased": true, "declined": true,
		"halved": true, "stopped": true, "ended": true, "vanished": true, "disappeared": true}
	fallAfter = map[string]string{"went": "down", "gone": "down", "came": "down", "go": "down", "goes": "down"}
	// goodWords: what a place was before, in "used to be safe"
	goodWords = map[string]bool{"safe": true, "nice": true, "lovely": true, "quiet": true, "peaceful": true,
		"decent": true, "good": true, "friendly": true, "clean": true, "pleasant": true, "great": true,
		"beautiful": true, "respectable": true}
	// betterWords: a place better before (round 212)
	betterWords = map[string]bool{"better": true, "safer": true, "nicer": true, "cleaner": true, "quieter": true,
		"friendlier": true, "happier": true, "calmer": true, "lovelier": true}
	// arrivalWords: migrants arriving ("the asylum seekers moved in");
	// the pairs take the word after ("moved in", "showed up")
	arrivalWords = map[string]bool{"arrived": true, "arrive": true, "arrives": true, "arriving": true, "came": true,
		"come": true, "comes": true, "coming": true, "landed": true, "settled": true}
	arrivalAfter = map[string]bool{"in": true, "into": true, "up": true, "here": true}
	arrivalPair  = map[string]bool{"moved": true, "move": true, "moves": true, "moving": true, "showed": true,
		"show": true, "shows": true, "turned": true, "turn": true, "turns": true, "got": true, "get": true}
	// placing verbs put migrants somewhere ("they moved the asylum
	// seekers into the old care home")
	placingWords = map[string]bool{"moved": true, "housed": true, "put": true, "bussed": true, "placed": true,
		"dumped": true, "brought": true, "housing": true, "putting": true, "moving": true}
	// timeWords tie two events in time
	timeWords = map[string]bool{"since": true, "when": true, "whenever": true, "until": true, "till": true,
		"before": true, "after": true, "then": true, "minute": true, "moment": true, "day": true, "week": true,
		"month": true, "year": true, "time": true, "soon": true, "now": true, "next": true, "once": true}
	// linkDenials deny a link between two events ("the two have nothing
	// to do with each other", "police say there is no link")
	linkDenials = [][]string{{"nothing", "to", "do", "with"}, {"no", "link"}, {"no", "connection"},
		{"not", "linked"}, {"unrelated"}, {"no", "evidence"}, {"not", "connected"}, {"no", "correlation"}}
)

// timedHarmHits adds an insinuation hit for a harm tied to migrants'
// arrival (round 17): a harm that starts or grows ("the shoplifting started
// the week the asylum seekers moved into the hotel", "knife crime has
// soared since the Somalis came"), a place that was better before ("this
// street used to be safe before the immigrants came"), or any harm beside
// a tag that asks the reader to conclude ("two new break-ins on the street
// where the Eritreans live. I'll say no more."). The hit is said of the
// arriving migrants (ti.insinuatedBy). Nothing is added when the unit
// denies the link ("so the two have nothing to do with each other"), when
// the harm fell ("crime dropped the month the asylum seekers moved in"),
// or when the harm is suffered by someone ("violence against refugees").
func timedHarmHits(ti *targetInfo, words []string) {
	if !ti.migrant && !slices.ContainsFunc(ti.mentions, func(m mention) bool { return m.kind == kMigrant && m.place }) {
		return
	}
	n := len(words)
	w := ti.wordAt
	arrival := -1 // the mention that arrives
	for _, m := range ti.mentions {
		if m.kind != kMigrant || arrival >= 0 {
			continue
		}
		if m.place {
			// a place where migrants live opening is their arrival
			// ("crime has doubled since the asylum hotel opened", round
			// 180): the harm is said of them through the place
			if placeOpened(ti, m) {
				arrival = m.i
			}
			continue
		}
		// "the asylum seekers (have) (just) moved in", "the Somalis came"
		k := m.j
		for k < n && k < m.j+3 && (arrivalAux(w(k)) || w(k) == "all" || w(k) == "finally") {
			k++
		}
		if arrivalWords[w(k)] || arrivalPair[w(k)] && arrivalAfter[w(k+1)] || w(k) == "housed" {
			arrival = m.i
			continue
		}
		// "they moved the asylum seekers into the old care home", "the
		// arrival of the refugees", "more asylum seekers"
		b := beforeDeterminers(ti, m.i)
		for b >= 0 && (w(b) == "of" && b > 0 && quantityNouns[w(b-1)]) {
			b = beforeDeterminers(ti, b-1)
		}
		// (round 92: "before all the foreigners", "when the hotel filled
		// with migrants")
		if b >= 0 && (placingWords[w(b)] || w(b) == "more" || w(b) == "another" || w(b) == "of" && b > 0 && (w(b-1) == "arrival" || w(b-1) == "influx") ||
			w(b) == "before" || w(b) == "with" && b > 0 && w(b-1) == "filled") {
			arrival = m.i
		}
	}
	// a tag closes its clause ("just saying." but not "just saying that
	// not all violent incidents are committed by migrants")
	tags := slices.DeleteFunc(insinuationTags.match(words, nil), func(h lexHit) bool {
		return h.end < n && ti.words[h.end].cl == ti.words[h.end-1].cl
	})
	if arrival < 0 && len(tags) == 0 {
		return
	}
	// a denied link: the harms of the unit are said of no one ("the
	// refugees arrived in March and the burglaries started in 2019, so
	// the two have nothing to do with each other")
	for _, d := range linkDenials {
		for k := 0; k+len(d) <= n; k++ {
			if slices.Equal(words[k:k+len(d)], d) {
				for j := range words {
					if harmNouns[words[j]] {
						ti.dropSection(tStereotype, j, j+1)
					}
				}
				return
			}
		}
	}
	timed := slices.ContainsFunc(words, func(x string) bool { return timeWords[x] })
	// "two years before the first refugees were housed": what happened
	// then came before them; only a good state can have been before them
	// ("this street used to be safe before the immigrants came")
	beforeArrival, beforeAt := false, -1
	for k := arrival - 1; arrival > 0 && k >= 0 && k >= arrival-5 && ti.words[k].cl == ti.words[arrival].cl; k-- {
		if w(k) == "before" || w(k) == "until" || w(k) == "till" || w(k) == "prior" {
			beforeArrival, beforeAt = true, k
		}
	}
	// the harms of the unit: [a, b), and whether it is a good state that
	// was (prior), which alone may stand before the arrival; a harm that
	// fell is none
	type harm struct {
		a, b  int
		prior bool
	}
	var harms []harm
	for k := 0; k < n; k++ {
		switch {
		case harmNouns[w(k)] && !ti.isMention(k):
			// suffered, not done: "violence against refugees", "faced
			// muggings"
			if (w(k+1) == "against" || w(k+1) == "on" || w(k+1) == "targeting") && mentionWithin(ti, k+2, k+5) || w(k-1) == "faced" || w(k-1) == "suffered" {
				continue
			}
			rose := w(k-1) == "more" || w(k-1) == "new"
			for j := k + 1; j < n && j <= k+6 && ti.words[j].cl == ti.words[k].cl; j++ {
				if riseWords[w(j)] || riseAfter[w(j)] != "" && riseAfter[w(j)] == w(j+1) || w(j) == "through" && w(j+2) == "roof" {
					rose = rose || !negatedIn(ti, k+1, j)
				}
			}
			// "more shoplifting", "the thefts started": rose; a harm
			// named beside a tag counts as it stands
			if harmFell(ti, k) || !rose && len(tags) == 0 {
				continue
			}
			harms = append(harms, harm{k, k + 1, false})
		case (w(k) == "went" || w(k) == "go" || w(k) == "gone" || w(k) == "going") && w(k+1) == "missing":
			harms = append(harms, harm{k, k + 2, false})
		case w(k) == "used" && w(k+1) == "to":
			// "used to be safe", "used to be a nice street", "used to
			// be able to leave the door unlocked"
			for j := k + 2; j < n && j <= k+6 && ti.words[j].cl == ti.words[k].cl; j++ {
				if goodWords[w(j)] || w(j) == "unlocked" {
					harms = append(harms, harm{k, j + 1, true})
					break
				}
			}
		case w(k) == "once" && k >= 2 && goodWords[w(k-1)] && tCopulas[w(k-2)]:
			// "our town was lovely once"
			harms = append(harms, harm{k - 2, k + 1, true})
		case w(k) == "could" && (w(k+1) == "walk" || w(k+1) == "leave") && (k == 0 || w(k-1) == "you" || w(k-1) == "we" || w(k-1) == "i"):
			// "you could walk home at night here before ..."
			harms = append(harms, harm{k, k + 2, true})
		case (w(k) == "never" || w(k) == "didn't") && (w(k+1) == "had" || w(k+1) == "have") && w(k+2) == "to" && strings.HasPrefix(w(k+3), "lock"):
			// "we never had to lock our cars until ..."
			harms = append(harms, harm{k, k + 4, true})
		case (w(k) == "prices" || w(k) == "values") && fellIn(ti, k):
			// "house prices on our street dropped 20% the minute ..."
			harms = append(harms, harm{k, k + 1, false})
		case (w(k) == "went" || w(k) == "gone" || w(k) == "going") && w(k+1) == "downhill":
			harms = append(harms, harm{k, k + 2, false})
		case beforeArrival && (w(k) == "was" || w(k) == "were"):
			// "before the immigrants came this was a lovely town" (rounds
			// 92, 93): a good state before them
			// "this town was better before the migrants came" (round 212)
			for j := k + 1; j < n && j <= k+3 && ti.words[j].cl == ti.words[k].cl; j++ {
				if goodWords[w(j)] || betterWords[w(j)] {
					harms = append(harms, harm{k, j + 1, true})
					break
				}
			}
		case (w(k) == "can't" || w(k) == "cannot" || w(k) == "cant" || w(k) == "can" && w(k+1) == "no" && w(k+2) == "longer") && lostFreedom(ti, k):
			// "you can't walk the streets at night", "can't leave your car
			// unlocked" (round 92)
			harms = append(harms, harm{k, k + 1, false})
		case w(k) == "safe" && unsafeAt(ti, k) >= 0:
			// "nobody on our estate feels safe" (round 92)
			harms = append(harms, harm{unsafeAt(ti, k), k + 1, false})
		}
	}
	if beforeArrival {
		harms = slices.DeleteFunc(harms, func(h harm) bool { return !h.prior })
		// "the town was a lovely place before the factory closed, long
		// before any migrants came" (round 93): another "before" between
		// the good state and the arrival names what ended it
		harms = slices.DeleteFunc(harms, func(h harm) bool {
			return h.b <= beforeAt && slices.Contains(words[h.b:beforeAt], "before")
		})
	}
	if len(harms) == 0 {
		return
	}
	// the migrants the harm is tied to: the arriving ones when a word of
	// time or a tag ties them to it, else with a tag the first named
	target := -1
	switch {
	case arrival >= 0 && (timed || len(tags) > 0):
		target = arrival
	case len(tags) > 0:
		for _, m := range ti.mentions {
			if m.kind == kMigrant && !m.pronoun && !m.place {
				target = m.i
				break
			}
		}
	}
	if target < 0 {
		return
	}
	for _, h := range harms {
		// a harm of the lexicon ("burglaries") keeps its hit, now tied
		// to the arrival
		ti.tieHit(h.a, h.b, target, true)
	}
}

// openedWords: a place opening ("the asylum hotel opened", "was set up").
var openedWords = map[string]bool{"opened": true, "opens": true, "open": true, "opening": true, "reopened": true}

// placeOpened reports a place mention followed, across auxiliaries, by a
// verb of opening: "the asylum hotel opened", "the refugee centre was
// opened", "the migrant camp was set up", "has just opened" (round 180).
func placeOpened(ti *targetInfo, m mention) bool {
	w := ti.wordAt
	k := m.j
	for k < m.j+3 && arrivalAux(w(k)) {
		k++
	}
	return openedWords[w(k)] || w(k) == "set" && w(k+1) == "up"
}

// arrivalAux reports a word that may stand between a mention and the verb
// of its arrival or of its opening: a copula ("been" and "being" among
// them), have, has, had, just, first ("the asylum seekers have just moved
// in", "the refugee centre was first opened").
func arrivalAux(x string) bool {
	switch x {
	case "have", "had", "has", "just", "first":
		return true
	}
	return tCopulas[x]
}

// toolNotAtPeople drops a threat phrase of a tool taken to something ("a
// hammer to", "an axe to") when no mention of people follows "to" across
// determiners and a quantifier ("took a hammer to the rotten floorboards",
// "a machete to the brambles"; round 185): only taken to people is it
// violence.
func toolNotAtPeople(ti *targetInfo) {
	for _, h := range ti.hits {
		if h.section != tThreat || h.end-h.start != 3 || ti.words[h.end-1].w != "to" {
			continue
		}
		k := h.end
		for k < len(ti.words) && (tDeterminers[ti.words[k].w] || ti.words[k].w == "lot" || ti.words[k].w == "every" || ti.words[k].w == "each") {
			k++
		}
		if !slices.ContainsFunc(ti.mentions, func(m mention) bool { return m.i == k }) {
			ti.dropSection(tThreat, h.start, h.end)
		}
	}
}

// personalPossessives: the possessives of a relative ("my husband").
var personalPossessives = map[string]bool{"my": true, "our": true, "your": true, "his": true, "her": true}

// dyingWords: the death of someone, a threat only when wished or called
// for.
var dyingWords = map[string]bool{"die": true, "died": true, "dies": true, "dying": true, "dead": true, "death": true}

// literalHarms drops a death in the family (round 187): a death word
// whose subject is a noun right after my, our, your, his or her ("when my
// husband died") threatens no one; and a dehumanising word in its literal
// sense (round 188): the conditions someone lives in ("living with rats")
// and an illness fought ("fight the virus"). Round 186 also read a pet
// ("our dog") as literal; it lost "My dog is worth more than any of these
// asylum seekers". The death rule needs the tagger (a noun before the
// death word); an untagged unit keeps its reading.
func literalHarms(ti *targetInfo) {
	w := ti.wordAt
	for _, h := range ti.hits {
		if h.end-h.start != 1 {
			continue
		}
		k := h.start
		switch {
		case h.section == tThreat && dyingWords[w(k)] && k >= 2 && strings.HasPrefix(ti.words[k-1].tag, "NN") && personalPossessives[w(k-2)]:
			ti.dropSection(tThreat, k, k+1)
		case h.section == tDehum && !ti.isMention(k) && (surroundedBy(ti, k) || foughtDisease(ti, k)):
			ti.dropSection(tDehum, k, k+1)
		}
	}
}

// surroundWords: "living with rats", "infested with cockroaches",
// "crawling with lice": what is around someone (round 188).
var surroundWords = map[string]bool{"living": true, "live": true, "lived": true, "lives": true, "infested": true,
	"crawling": true}

// surroundedBy reports a [dehum] word at k after "with" (across
// determiners and adjectives) that follows a verb of living among or of
// being infested (round 188): the conditions someone lives in, not what
// they are ("asylum seekers at the camp were living with rats").
func surroundedBy(ti *targetInfo, k int) bool {
	j := k - 1
	for j >= 0 && (tDeterminers[ti.words[j].w] || strings.HasPrefix(ti.words[j].tag, "JJ")) {
		j--
	}
	return ti.wordAt(j) == "with" && surroundWords[ti.wordAt(j-1)]
}

// fightVerbs: what is done to an illness.
var fightVerbs = map[string]bool{"fight": true, "fighting": true, "fought": true, "beat": true, "beating": true,
	"tackle": true, "tackling": true, "combat": true, "combating": true, "treat": true, "treating": true,
	"treated": true, "cure": true, "curing": true, "cured": true, "against": true, "from": true}

// foughtDisease reports a disease word at k (diseaseWords) fought, treated
// or guarded against (round 188): "helped fight the virus", "vaccinated
// against the virus", "recovering from cancer"; not a disease of something
// ("the cancer of mass immigration").
func foughtDisease(ti *targetInfo, k int) bool {
	if !diseaseWords[ti.words[k].w] || ti.wordAt(k+1) == "of" {
		return false
	}
	j := k - 1
	for j >= 0 && tDeterminers[ti.words[j].w] {
		j--
	}
	return fightVerbs[ti.wordAt(j)]
}

// lostFreedom reports a verb of going about after "can't" at k ("can't walk
// the streets", "can no longer leave the door unlocked"; round 92).
func lostFreedom(ti *targetInfo, k int) bool {
	for j := k + 1; j < len(ti.words) && j <= k+3; j++ {
		switch ti.words[j].w {
		case "walk", "leave", "go", "let":
			return true
		}
	}
	return false
}

// unsafeAt returns the negation that denies "safe" at k within four words
// of its clause ("nobody feels safe", "no one on the estate feels safe",
// "don't feel safe"), or -1 (round 92).
func unsafeAt(ti *targetInfo, k int) int {
	for j := k - 1; j >= 0 && j >= k-5 && ti.words[j].cl == ti.words[k].cl; j-- {
		switch ti.words[j].w {
		case "nobody", "no", "not", "don't", "dont", "doesn't", "doesnt", "never", "n't":
			return j
		}
	}
	return -1
}

// tieHit makes words [a, b) a stereotype hit (unless they are one already)
// said of the migrant mention starting at word i, wherever it stands in the
// unit (linkTarget reads insinuatedBy); insinuation marks the words as an
// insinuation cue too. Every insinuation reads its cue as a stereotype.
func (ti *targetInfo) tieHit(a, b, i int, insinuation bool) {
	if !ti.has(a, tStereotype) {
		ti.addHit(tStereotype, a, b)
	}
	if insinuation {
		if ti.insinuate == nil {
			ti.insinuate = make([]bool, len(ti.words))
		}
		for k := a; k < b; k++ {
			ti.insinuate[k] = true
		}
	}
	ti.tieAt(a, i)
}

// tieAt ties the term at word a to the mention at word i: linkTarget
// returns that mention for it.
func (ti *targetInfo) tieAt(a, i int) {
	if ti.insinuatedBy == nil {
		ti.insinuatedBy = map[int]int{}
	}
	ti.insinuatedBy[a] = i
}

// quantityNouns count people as a load ("a coachload of migrants").
var quantityNouns = map[string]bool{"coachload": true, "busload": true, "boatload": true, "bus": true,
	"coach": true, "boat": true, "lorry": true, "load": true, "dose": true, "lot": true, "wave": true, "bunch": true}

// mentionWithin reports a target mention starting in words [a, b).
func mentionWithin(ti *targetInfo, a, b int) bool {
	return slices.ContainsFunc(ti.mentions, func(m mention) bool { return m.i >= a && m.i < b })
}

// harmFell reports a harm noun at word k that fell or ended in its clause
// ("crime dropped the month the asylum seekers moved in", "burglaries
// went down"): no harm said of anyone (round 17).
func harmFell(ti *targetInfo, k int) bool {
	return harmNouns[ti.wordAt(k)] && fellIn(ti, k)
}

// fellIn reports a fall or an end after word k in its clause, not denied
// ("crime will never fall while ..." is no fall).
func fellIn(ti *targetInfo, k int) bool {
	w := ti.wordAt
	for j := k + 1; j < len(ti.words) && j <= k+6 && ti.words[j].cl == ti.words[k].cl; j++ {
		if fallWords[w(j)] || fallAfter[w(j)] != "" && fallAfter[w(j)] == w(j+1) {
			return !negatedIn(ti, k+1, j)
		}
	}
	return false
}

// negationBefore returns the nearest negation ("not", "never", "n't", a
// [negation] word) at most n words before word k in its clause, or -1.
func negationBefore(ti *targetInfo, k, n int) int {
	for j := k - 1; j >= 0 && j >= k-n && ti.words[j].cl == ti.words[k].cl; j-- {
		if w := ti.words[j].w; ti.has(j, tNegation) || w == "not" || w == "never" || strings.HasSuffix(w, "n't") {
			return j
		}
	}
	return -1
}

// negatedIn reports a negation among words [a, b).
func negatedIn(ti *targetInfo, a, b int) bool {
	for k := a; k < b; k++ {
		if ti.has(k, tNegation) || ti.words[k].w == "not" || strings.HasSuffix(ti.words[k].w, "n't") {
			return true
		}
	}
	return false
}

// ironicWords open an ironic welcome ("Oh great, more refugees.").
var ironicWords = map[string]bool{"great": true, "wonderful": true, "brilliant": true, "lovely": true,
	"marvellous": true, "marvelous": true, "fantastic": true, "super": true, "perfect": true, "terrific": true,
	"excellent": true, "splendid": true, "fabulous": true, "smashing": true}

// ironyMarkers say the opposite of what the words say ("I'm sure they'll
// pay their taxes", "just what this town needs").
var ironyMarkers = func() *lexicons {
	lx, err := parseSections(`[irony]
"i'm sure" "i am sure" "im sure" "just what" "what could possibly go wrong" "what could go wrong"`, []string{"irony"})
	if err != nil {
		panic(err)
	}
	return lx
}()

// ironicWelcome adds an insinuation hit for a welcome said in irony (round
// 17): a praise word alone at the start of a text ("Oh great,", "Brilliant,
// ... I'm sure ...") followed by more migrants ("more refugees", "another
// busload of migrants", "fifty more asylum seekers"). "Great news: fifty more
// refugees have found jobs" and "wonderful to see more migrants" do not
// open with the word alone.
func ironicWelcome(ti *targetInfo, words []string) {
	w := ti.wordAt
	p := 0
	if w(0) == "oh" || w(0) == "ah" || w(0) == "well" {
		p = 1
	}
	if !ironicWords[w(p)] || p+1 >= len(ti.words) || ti.words[p].cl == ti.words[p+1].cl {
		return
	}
	// a praise word alone may be sincere ("Brilliant, another refugee
	// family has opened a bakery"): irony needs "oh" before it or a
	// marker of irony in the unit ("I'm sure ...", "just what this town
	// needs"), and no other praise in the unit (round 20)
	markers := ironyMarkers.match(words, nil)
	if p == 0 && len(markers) == 0 {
		return
	}
	for k := p + 1; k < len(ti.words); k++ {
		// "just what this town needs": the need is the marker's; "I'm
		// sure they'll pay their taxes and respect our daughters": what
		// follows the marker is said in irony too
		inMarker := slices.ContainsFunc(markers, func(h lexHit) bool {
			return h.start <= k && (ti.words[h.start].w != "just" || k < h.end+4)
		})
		if (ti.has(k, tPositive) || ti.has(k, tSolidarity)) && !inMarker {
			return
		}
	}
	k := p + 1
	for w(k) == "just" || w(k) == "even" || numberWords[w(k)] || w(k) == "hundred" {
		k++
	}
	if w(k) != "more" && w(k) != "another" {
		return
	}
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.place || m.i <= k || m.i > k+4 {
			continue
		}
		ti.dropSection(tPositive, p, p+1)
		ti.tieHit(p, p+1, m.i, true)
		return
	}
}

// tauntVerbs: the praise a taunt puts in the addressee's mouth ("if you
// love refugees so much"; round 72).
var tauntVerbs = map[string]bool{"love": true, "like": true, "care": true, "adore": true, "want": true,
	"keen": true}

// tauntOffer reads the taunt "if you love refugees so much, take them into
// your own home" (round 72): the praise is the addressee's, not the
// speaker's, and the taunt insinuates that migrants are a burden no one
// would take on. A praise verb of tauntVerbs with "you", "who" or nothing
// before it, a migrant mention after it and "so much", "that much" or
// "so keen on" around the mention.
func tauntOffer(ti *targetInfo) {
	w := ti.wordAt
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.pronoun || m.i < 1 {
			continue
		}
		p := m.i - 1
		if w(p) == "about" || w(p) == "on" {
			p-- // "care about migrants", "so keen on asylum seekers"
		}
		if !tauntVerbs[w(p)] {
			continue
		}
		keen := w(p) == "keen" && (w(p-1) == "so" || w(p-1) == "that")
		much := (w(m.j) == "so" || w(m.j) == "that") && w(m.j+1) == "much"
		if !keen && !much {
			continue
		}
		s := p
		if keen {
			s = p - 1
		}
		// the addressee, a relative clause ("do-gooders who love refugees so
		// much") or no subject ("Love migrants so much?")
		sub := w(s - 1)
		if sub == "are" || sub == "re" || sub == "'re" {
			sub = w(s - 2)
		}
		if s > 0 && ti.words[s-1].cl == ti.words[s].cl && sub != "you" && sub != "you're" && sub != "who" && sub != "if" {
			continue
		}
		ti.dropSection(tPositive, p, p+1)
		ti.tieHit(p, p+1, m.i, true)
		return
	}
}

// Resentment by comparison (rounds 74 and 75): migrants said to receive, or to be
// treated, better than, more than, before or over an in-group ("treated
// better than our veterans", "get houses before our own people"), or to
// receive while an in-group suffers ("put up in hotels while our homeless
// sleep on the streets").
var (
	// treatWords: being treated or put first; with receiveVerbs (target.go)
	// the words of a preference ("get", "given", "treated", "housed")
	treatWords = map[string]bool{"treated": true, "housed": true, "put": true, "prioritised": true,
		"prioritized": true, "priority": true, "treatment": true}
	// inGroupAlone name the in-group by themselves; inGroupOwned need
	// "our", "local", "british", ... before them ("our own people")
	inGroupAlone = map[string]bool{"veterans": true, "pensioners": true, "homeless": true, "taxpayers": true,
		"elderly": true, "natives": true}
	inGroupOwned = map[string]bool{"people": true, "families": true, "kids": true, "children": true, "own": true,
		"citizens": true, "locals": true, "elderly": true, "homeless": true}
	inGroupOwners = map[string]bool{"our": true, "local": true, "british": true, "english": true, "american": true,
		"working": true, "hard-working": true, "own": true}
	sufferWords = map[string]bool{"sleep": true, "sleeps": true, "freeze": true, "starve": true, "wait": true,
		"waits": true, "struggle": true, "struggles": true, "suffer": true, "suffers": true, "die": true, "queue": true,
		"go": true, "beg": true}
)

// inGroupAt returns the end of an in-group phrase starting within two words
// of i in i's sentence ("our veterans", "pensioners", "local families"), or
// -1.
func inGroupAt(ti *targetInfo, i int) int {
	for k := i; k < i+3 && k < len(ti.words) && ti.words[k].sent == ti.words[i].sent; k++ {
		w := ti.words[k].w
		if inGroupAlone[w] || inGroupOwned[w] && k > 0 && inGroupOwners[ti.words[k-1].w] {
			if w == "own" && k+1 < len(ti.words) && inGroupOwned[ti.words[k+1].w] {
				k++ // "our own people"
			}
			return k + 1
		}
	}
	return -1
}

// resentment ties a stereotype hit to a migrant mention compared with an
// in-group to its advantage (round 74), unless a negation after the
// mention denies it (round 75).
func resentment(ti *targetInfo) {
	w := ti.wordAt
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.place {
			continue
		}
		sent := ti.words[m.i].sent
		prefer := false
		for c := m.j; c < len(ti.words) && ti.words[c].sent == sent; c++ {
			// "refugees are not put ahead of local families" denies the
			// comparison (round 75)
			if ti.has(c, tNegation) {
				break
			}
			if receiveVerbs[w(c)] || treatWords[w(c)] {
				prefer = true
				continue
			}
			if !prefer {
				continue
			}
			at := -1
			switch w(c) {
			case "better", "more":
				for k := c + 1; k < c+5 && k < len(ti.words); k++ {
					if w(k) == "than" {
						at = k + 1
						break
					}
				}
			case "before", "over":
				at = c + 1
			case "ahead":
				if w(c+1) == "of" {
					at = c + 2
				}
			case "while", "whilst":
				if e := inGroupAt(ti, c+1); e > 0 {
					for k := e; k < e+3 && k < len(ti.words); k++ {
						if sufferWords[w(k)] {
							ti.tieHit(c, c+1, m.i, true)
							return
						}
					}
				}
				continue
			}
			if at > 0 && inGroupAt(ti, at) > 0 {
				ti.tieHit(c, c+1, m.i, true)
				return
			}
		}
	}
}

// Lost safety blamed on migrants (round 76): "I don't feel safe walking
// home with all these migrants hanging around", "women no longer feel safe
// since the migrants arrived".
var (
	// fearWords: an unsafe feeling by itself
	fearWords = map[string]bool{"unsafe": true, "scared": true, "afraid": true, "frightened": true,
		"terrified": true}
	// fearCause: the words that bring in its cause
	fearCause = map[string]bool{"with": true, "because": true, "since": true, "around": true, "near": true,
		"among": true, "of": true, "by": true}
)

// lostSafety ties a stereotype hit to a migrant mention named as the cause
// of an unsafe feeling (round 76): the feeling ("feel unsafe", "don't feel
// safe", "no longer feel safe", "frightened") with no migrant mention
// before it in its sentence (the migrants are not the ones afraid:
// "refugees often don't feel safe in the camps"), then a word of cause and
// a migrant mention within eight words.
func lostSafety(ti *targetInfo) {
	w := ti.wordAt
	for k := range ti.words {
		fear := fearWords[w(k)]
		if w(k) == "safe" {
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if ti.has(j, tNegation) || w(j) == "longer" {
					fear = true
				}
			}
		}
		if !fear {
			continue
		}
		sent := ti.words[k].sent
		before := slices.ContainsFunc(ti.mentions, func(m mention) bool {
			return m.kind == kMigrant && m.i < k && ti.words[m.i].sent == sent
		})
		if before {
			continue
		}
		cause := -1
		for j := k + 1; j < len(ti.words) && j <= k+8 && ti.words[j].sent == sent; j++ {
			if fearCause[w(j)] && cause < 0 {
				cause = j
			}
			if cause < 0 {
				continue
			}
			for _, m := range ti.mentions {
				if m.kind == kMigrant && !m.place && m.i == j {
					ti.tieHit(k, k+1, m.i, true)
					return
				}
			}
		}
	}
}

// badJudgements: words that judge an act badly ("blaming refugees is
// lazy", "... is pathetic"; round 78).
var badJudgements = map[string]bool{"lazy": true, "pathetic": true, "wrong": true, "cheap": true, "dishonest": true,
	"shameful": true, "disgraceful": true, "disgusting": true, "nonsense": true, "ridiculous": true, "cowardly": true,
	"unfair": true, "unjust": true, "absurd": true, "stupid": true, "idiotic": true, "misguided": true,
	"dangerous": true, "nasty": true, "vile": true, "easy": true, "untrue": true, "false": true}

// blameJudged reads blame of migrants judged badly as a condemnation
// (round 78): "Blaming refugees for the housing crisis is lazy politics",
// "Blaming immigrants for every problem is pathetic". A "blaming" gerund
// with a migrant mention within three words after it, then in the same
// sentence a copula and, within three words, a word of badJudgements,
// which is marked as a condemnation. "Blaming the migrants is fair" is no
// condemnation.
func blameJudged(ti *targetInfo) {
	w := ti.wordAt
	for k := range ti.words {
		if w(k) != "blaming" || !mentionWithin(ti, k+1, k+4) {
			continue
		}
		sent := ti.words[k].sent
		for c := k + 2; c < len(ti.words) && c <= k+12 && ti.words[c].sent == sent; c++ {
			if !tCopulas[w(c)] {
				continue
			}
			for j := c + 1; j <= c+3 && j < len(ti.words) && ti.words[j].sent == sent; j++ {
				if badJudgements[w(j)] {
					if !ti.has(j, tCondemn) {
						ti.addHit(tCondemn, j, j+1)
					}
					return
				}
			}
			break
		}
	}
}

// numberWords count people ("fifty more asylum seekers"); digits are not
// words of the unit.
var numberWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "fifteen": true, "twenty": true,
	"thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true, "ninety": true,
	"dozen": true, "few": true, "some": true, "a": true}

// protectVerbs: keeping someone from harm ("protect our children from
// these migrants")
var protectVerbs = map[string]bool{"protect": true, "protects": true, "protected": true, "protecting": true,
	"defend": true, "defends": true, "defending": true, "shield": true, "shielding": true, "safe": true, "safer": true}

// speakUpFor adds a solidarity hit where someone stands up or speaks up for
// migrants (round 21): "I will always stand up for the refugees who have made
// this town their home", "the bishop spoke up for the asylum seekers". "He
// stood up for the first time" names no one.
func speakUpFor(ti *targetInfo) {
	w := ti.wordAt
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.place || m.pronoun && possessive[w(m.i)] {
			continue
		}
		b := beforeDeterminers(ti, m.i)
		if b >= 2 && w(b) == "for" && w(b-1) == "up" {
			switch w(b - 2) {
			case "stand", "stands", "stood", "standing", "speak", "speaks", "spoke", "speaking":
				ti.addHit(tSolidarity, b-2, b+1)
			}
		}
	}
}

// rejectVerbs take a negation to reject what follows ("would not tolerate
// racism", "we do not accept racism", "will never tolerate abuse").
var rejectVerbs = map[string]bool{"tolerate": true, "accept": true, "condone": true, "allow": true, "excuse": true}

// hostilityNouns name hostility as a thing that can be rejected.
var hostilityNouns = map[string]bool{"racism": true, "abuse": true, "hate": true, "hatred": true,
	"discrimination": true, "harassment": true, "bigotry": true, "xenophobia": true, "intimidation": true,
	"violence": true, "prejudice": true}

// rejectedHostility adds a condemnation where a negated verb of acceptance
// takes hostility as its object (round 22): "the town would not tolerate
// racism against its new residents". The hit stands on the negation, which
// nothing negates.
func rejectedHostility(ti *targetInfo) {
	for k, tw := range ti.words {
		if !rejectVerbs[tw.w] {
			continue
		}
		neg := negationBefore(ti, k, 3)
		if neg < 0 {
			continue
		}
		for j := k + 1; j < len(ti.words) && j <= k+3 && ti.words[j].cl == tw.cl; j++ {
			if hostilityNouns[ti.words[j].w] {
				ti.addHit(tCondemn, neg, k+1)
				break
			}
		}
	}
}

// dangerFrom adds a stereotype hit where migrants are what others must be
// protected from (round 17): "we have to protect our children from these
// migrants", "keep our streets safe from the refugees". Protecting migrants
// from something ("protect refugees from the smugglers") is no such hit.
func dangerFrom(ti *targetInfo) {
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.place || m.pronoun {
			continue
		}
		b := beforeDeterminers(ti, m.i)
		if b < 1 || ti.wordAt(b) != "from" {
			continue
		}
		for k := b - 1; k >= 0 && k >= b-6 && ti.words[k].cl == ti.words[b].cl; k-- {
			if ti.isMention(k) {
				break // "protect refugees from ..."
			}
			if protectVerbs[ti.words[k].w] {
				ti.dropSection(tPositive, k, k+1)
				ti.dropSection(tSolidarity, k, k+1)
				ti.tieHit(k, k+1, m.i, false)
				break
			}
		}
	}
}

// kinWords: the people a parent or a husband keeps from harm ("my daughter",
// "your kids"); school stands for the children in it ("our schools").
var kinWords = map[string]bool{"daughter": true, "daughters": true, "son": true, "sons": true, "child": true,
	"children": true, "kids": true, "kid": true, "wife": true, "wives": true, "girls": true, "women": true,
	"grandchildren": true, "granddaughter": true, "granddaughters": true, "school": true, "schools": true}

// guardVerbs keep someone close or apart; "let" guards only denied ("I
// wouldn't let my daughter near ...").
var guardVerbs = map[string]bool{"keep": true, "keeps": true, "kept": true, "keeping": true, "lock": true,
	"locking": true, "watch": true, "let": true}

// guardLinks bring in what one's kin are kept from, or why ("away from the
// migrants", "anywhere near those migrants", "now that the asylum seekers
// are here", "there are hundreds of migrants in the hotel now").
var guardLinks = map[string]bool{"from": true, "near": true, "around": true, "now": true, "since": true,
	"there": true, "because": true, "with": true}

// aroundWords put people about a place ("with all those asylum seekers
// hanging around").
var aroundWords = map[string]bool{"around": true, "about": true, "hanging": true, "outside": true}

// guardedKin ties a stereotype hit to migrants named as what one's children
// or wife must be kept from (round 230): a guard verb ("keep", "lock",
// "watch", a denied "let") over one's kin ("your daughters", "the kids"),
// then a link and a migrant mention in the sentence ("Parents should keep
// their children away from the migrants at the hotel", "keep a closer eye
// on their daughters now that the asylum seekers are here"); or the
// migrants kept from one's kin ("I wouldn't let a refugee anywhere near my
// daughter", "keep the migrants away from our children"). Nothing when
// migrants are the ones who guard or are guarded ("refugee parents keep
// their kids away from the road", "keep migrant children away from the
// smugglers"), nor when harm done to migrants is the reason ("since the
// attack on the refugee family"). "with" links only migrants "around".
func guardedKin(ti *targetInfo) {
	w := ti.wordAt
	// named reports a mention at word j that is no pronoun ("their" in
	// "keep their children" is the parents')
	named := func(j int) bool {
		return slices.ContainsFunc(ti.mentions, func(m mention) bool { return !m.pronoun && m.i <= j && j < m.j })
	}
	guard := func(k int) bool {
		if !guardVerbs[w(k)] {
			return false
		}
		return w(k) != "let" || negationBefore(ti, k, 3) >= 0
	}
	// kin reports one's kin at word v: a kin word after a possessive or
	// "the", that is no migrant mention
	kin := func(v int) bool {
		if v < 1 || !kinWords[w(v)] || ti.isMention(v) {
			return false
		}
		for j := v - 1; j >= 0 && j >= v-2; j-- {
			switch w(j) {
			case "my", "our", "your", "their", "his", "her", "the":
				return w(j) != "the" || w(v) != "school" && w(v) != "schools"
			}
		}
		return false
	}
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.place || m.pronoun {
			continue
		}
		sent := ti.words[m.i].sent
		// the migrants kept from one's kin
		if b := beforeDeterminers(ti, m.i); b >= 0 && guard(b) {
			for j := m.j; j < len(ti.words) && j <= m.j+2 && ti.words[j].sent == sent; j++ {
				if (w(j) == "near" || w(j) == "around" || w(j) == "from") && (kin(j+1) || kin(j+2) || kin(j+3)) {
					ti.tieHit(b, b+1, m.i, false)
					break
				}
			}
			continue
		}
		// one's kin kept from the migrants: the link before the mention
		// with nothing of harm between them
		link := -1
		for j := m.i - 1; j >= 0 && j >= m.i-6 && ti.words[j].sent == sent; j-- {
			if harmBefore[w(j)] || named(j) {
				break
			}
			if guardLinks[w(j)] {
				link = j
				break
			}
		}
		if link < 0 || w(link) == "with" && !aroundWords[w(m.j)] {
			continue
		}
		for v := link - 1; v >= 0 && v >= link-9 && ti.words[v].sent == sent; v-- {
			if named(v) {
				break
			}
			if !kin(v) {
				continue
			}
			for g := v - 1; g >= 0 && g >= v-6 && ti.words[g].cl == ti.words[v].cl; g-- {
				if named(g) {
					break
				}
				if guard(g) {
					ti.tieHit(g, g+1, m.i, false)
					break
				}
			}
			break
		}
	}
}

// agentFillers stand between a subject and its verb in a habit, a demand or
// a plain present claim ("keep harassing", "should stop attacking", "are
// always shoplifting").
var agentFillers = map[string]bool{"should": true, "must": true, "need": true, "needs": true, "to": true,
	"have": true, "has": true, "keep": true, "keeps": true, "stop": true, "always": true, "constantly": true,
	"just": true, "still": true, "are": true, "is": true, "continue": true, "continually": true, "regularly": true,
	"often": true, "routinely": true, "will": true, "would": true, "can": true, "now": true, "openly": true}

// policeNouns name the police as people, no report frame by themselves
// ("stop attacking our police").
var policeNouns = map[string]bool{"police": true, "officers": true, "detectives": true, "detective": true}

// agentIncident ties a stereotype hit to migrants named as the doers of an
// incident verb in a claim about them (round 231): the migrant subject,
// then only auxiliaries, modals and adverbs of habit (agentFillers), then
// an active incident verb not in the past ("Refugees attack our police",
// "Asylum seekers keep harassing women in the park", "These migrants need
// to stop attacking our bus drivers"). A unit with a report frame (a
// charge, a court, "police said") tells an incident, not a claim; a past
// or passive verb ("were attacked", "being harassed") is read elsewhere.
func agentIncident(ti *targetInfo) {
	if !ti.tagged {
		return
	}
	for k := range ti.words {
		if ti.has(k, tReport) && !policeNouns[ti.words[k].w] {
			return
		}
	}
	w := ti.wordAt
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.place || m.pronoun || ti.words[m.i].q {
			continue
		}
		j := m.j
		for j < len(ti.words) && j < m.j+4 && agentFillers[w(j)] {
			j++
		}
		if j >= len(ti.words) || !ti.has(j, tIncident) || ti.words[j].cl != ti.words[m.i].cl {
			continue
		}
		switch ti.words[j].tag {
		case "VB", "VBP", "VBZ", "VBG":
			ti.tieHit(j, j+1, m.i, false)
		}
	}
}

// thanksTitles: words after "thank you" that name the person thanked
var thanksTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "president": true,
	"prime": true, "minister": true, "senator": true, "sir": true, "madam": true, "mayor": true, "councillor": true,
	"governor": true, "congressman": true, "congresswoman": true}

// dropThanksToOthers clears the praise of "thank you" addressed to a person
// the text names ("thank you Mr. Trump", "thanks Farage for standing up to
// the migrants") or for a deed ("thank you for getting illegal aliens out";
// a welcome in the deed is praise of its own): praise of that person, not
// of migrants (round 17). "Thank you to the refugees who cleaned up the
// park" and "thank you, refugees" keep it.
func dropThanksToOthers(ti *targetInfo) {
	w := ti.wordAt
	for k := range ti.words {
		if w(k) != "thank" && w(k) != "thanks" {
			continue
		}
		j := k + 1
		if w(j) == "you" {
			j++
		}
		if j < len(ti.words) && (w(j) == "for" || thanksTitles[w(j)] || ti.words[j].cap && !ti.isMention(j) && !ti.words[j-1].cap) {
			ti.dropSection(tPositive, k, j)
			ti.dropSection(tSolidarity, k, j)
		}
	}
	// "standing up to the migrants": opposing migrants condemns no
	// hostility
	for _, m := range ti.mentions {
		b := beforeDeterminers(ti, m.i)
		if m.kind == kMigrant && !m.pronoun && b >= 2 && w(b) == "to" && w(b-1) == "up" && strings.HasPrefix(w(b-2), "stand") {
			ti.dropSection(tCondemn, b-2, b+1)
		}
	}
}

// likelyHarms: harms done in a claim of likelihood ("more likely to commit
// crimes", "more likely to be criminals"); "less likely to report crimes"
// names none.
var likelyHarms = map[string]bool{"commit": true, "offend": true, "reoffend": true, "steal": true, "rape": true,
	"murder": true, "kill": true, "attack": true, "violent": true, "criminal": true, "criminals": true,
	"terrorists": true, "jail": true, "prison": true, "arrested": true}

// likelyHarm reads "more likely" and "less likely" before a harm (round 17):
// "illegals are far more likely to commit crimes" claims the harm (no
// correction); "refugees are less likely to commit crimes" and "migrants
// are not more likely to claim benefits" deny what follows (no stereotype
// said of them; the correction stays), as do "fewer" and "less" before a
// stereotype ("immigrants commit fewer crimes").
func likelyHarm(ti *targetInfo) {
	w := ti.wordAt
	n := len(ti.words)
	for k := 1; k < n; k++ {
		if (w(k) == "fewer" || w(k) == "less" || w(k) == "lower") && k+1 < n && ti.words[k+1].cl == ti.words[k].cl {
			ti.dropSection(tStereotype, k+1, min(k+3, n))
		}
		if w(k) != "likely" || w(k-1) != "more" && w(k-1) != "less" {
			continue
		}
		// "are not more likely to commit crime": denied, as "less"
		denied := k >= 2 && (w(k-2) == "not" || w(k-2) == "no" || strings.HasSuffix(w(k-2), "n't"))
		if w(k-1) == "less" || denied {
			ti.dropSection(tStereotype, k+1, clauseEnd(ti, k+1, 6))
			continue
		}
		for j := k + 1; j < n && j <= k+5 && ti.words[j].cl == ti.words[k].cl; j++ {
			if likelyHarms[w(j)] {
				if w(k+1) == "to" && (w(k+2) == "be" || w(k+2) == "become") && !likelyHarms[w(k+3)] {
					break // "more likely to be victims of crime"
				}
				ti.dropSection(tCorrection, k-1, k+1)
				break
			}
		}
	}
}

// epithetHeads name the people an epithet phrase is said of ("such lovely
// people", "what a kind bunch"); epithetNouns are epithets of their own
// ("Absolute legends.").
var (
	epithetHeads = map[string]bool{"people": true, "folk": true, "folks": true, "bunch": true, "lot": true,
		"souls": true, "humans": true, "family": true, "families": true, "lads": true, "neighbours": true,
		"neighbors": true, "men": true, "women": true, "guys": true, "crowd": true}
	epithetNouns = map[string]bool{"legend": true, "legends": true, "heroes": true, "hero": true, "stars": true,
		"gems": true, "angels": true, "diamonds": true}
	// epithetOpeners may stand before the term in its clause
	epithetOpeners = map[string]bool{"such": true, "the": true, "what": true, "a": true, "an": true, "so": true,
		"absolute": true, "absolutely": true, "real": true, "truly": true, "really": true, "just": true,
		"most": true, "very": true, "genuinely": true, "total": true, "utter": true}
	// epithetFollowers may follow the head: a relative clause ("the
	// kindest people I've ever met") or nothing
	epithetFollowers = map[string]bool{"i": true, "i've": true, "i'd": true, "we": true, "we've": true,
		"you": true, "you'll": true, "you'd": true, "who": true, "that": true, "ever": true, "you've": true}
)

// epithetPhrase reports an evaluative term in a verbless phrase that
// characterises people named before it (round 18): "Met some asylum seekers
// at the library today, such lovely, funny people", "We've got refugees next
// door - the kindest people I've ever met", "... What a kind bunch.",
// "Absolute legends." Only determiners and intensifiers stand before the term
// in its clause; adjectives, "and" and commas between it and a head of
// epithetHeads (or the term is itself one of epithetNouns); after the head
// the end, a clause break or a relative clause. "Wonderful, generous people
// work there" (the people act) and "What a kind bunch, those volunteers"
// (named after) are none.
func epithetPhrase(ti *targetInfo, h lexHit) bool {
	n := len(ti.words)
	w := ti.wordAt
	for k := h.start - 1; k >= 0 && ti.words[k].cl == ti.words[h.start].cl; k-- {
		if !epithetOpeners[w(k)] {
			return false
		}
	}
	head := -1
	if epithetNouns[w(h.end-1)] {
		head = h.end - 1
	} else {
		for k := h.end; k < n && k <= h.end+3; k++ {
			if epithetHeads[w(k)] {
				head = k
				break
			}
			if !strings.HasPrefix(ti.words[k].tag, "JJ") && w(k) != "and" {
				return false
			}
		}
	}
	if head < 0 {
		return false
	}
	if head+1 < n {
		next := ti.words[head+1]
		if next.cl == ti.words[head].cl && !epithetFollowers[next.w] {
			return false
		}
		// "..., those volunteers": the people are named after it
		if next.cl != ti.words[head].cl && tDeterminers[next.w] {
			return false
		}
	}
	return true
}

// epithetTarget returns the last migrant mention before an epithet phrase
// in the unit (-1 when there is none, or when another group or person is
// named between).
func epithetTarget(ti *targetInfo, h lexHit) int {
	best := -1
	for _, m := range ti.mentions {
		if m.j > h.start || m.place {
			continue
		}
		switch m.kind {
		case kMigrant:
			best = m.i
		default:
			best = -1
		}
	}
	return best
}
