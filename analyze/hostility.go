package analyze

import (
	"math"
	"strings"
)

// anti_migrant and counter_speech (issue 11, round 2).
//
// Both are logistic regressions over the same features: the target
// analysis (targetFeats: who is evaluated with what, how and in which
// frame) and the words of the unit that the target analysis does not read
// itself (lexBag). Then the definitions decide where they are
// unambiguous (docs/analysis.md, "What each score means"):
//
//   - no migrant target (a migrant group, a slur for one, a pronoun in a
//     text about migration), no anti_migrant: at most maxUntargeted;
//   - hostility that by definition is anti-migrant, said of migrants in the
//     text's own voice (dehumanisation, a slur, a threat or a call for
//     exclusion with should/will/imperative, a negative emotion, denied
//     praise: "refugees are vermin", "deport them all", "I hate
//     immigrants", "nobody wants them here"), anti_migrant at least
//     ruleFloor;
//   - hostile words said of migrants only negated, condemned or reported
//     ("refugees are not vermin", "calling refugees vermin is racist",
//     "protesters chanted 'send them back', police said"), anti_migrant at
//     most framedCap;
//   - counter_speech at least ruleFloor when hostility is condemned, when
//     migrants are praised or welcomed, or when a hostile claim about them
//     is negated next to a correction, solidarity or condemnation; at most
//     counterCap when the text is itself hostile by definition.
//
// What each rule costs and buys on the development families is in
// docs/analysis.md, "Round 2 choices": the target gate and the cue cap of
// counter_speech cost macro-F1 on tweets and dialogues and keep hate at
// other groups and neutral news out; they stay because the definitions
// require them.

const (
	ruleFloor     = 0.75
	framedCap     = 0.35
	counterCap    = 0.30
	maxUntargeted = 0.20
	// maxUncued: counter_speech without any explicit sign of pushback
	// (condemnation, correction, solidarity, praise, a denied hostile
	// claim, a story of contribution): "explicit pushback" by definition
	maxUncued = 0.45
)

// praiseWords are the positive terms that praise or welcome someone (the
// counter_speech floor); "help", "support", "need" or "good for" are said
// of migrants without praising them.
var praiseWords = map[string]bool{"love": true, "loves": true, "loved": true, "adore": true, "adores": true,
	"admire": true, "admires": true, "welcome": true, "welcomed": true, "welcoming": true, "respect": true,
	"respects": true, "appreciate": true, "appreciates": true, "grateful": true, "proud": true, "great": true,
	"wonderful": true, "amazing": true, "brilliant": true, "valuable": true, "hardworking": true,
	"hard-working": true, "kind": true, "generous": true, "brave": true, "talented": true, "skilled": true,
	"lovely": true, "friendly": true, "peaceful": true, "law-abiding": true, "fantastic": true, "inspiring": true,
	"resilient": true, "courageous": true, "contribute": true, "contributes": true, "contributed": true,
	"contribution": true, "enrich": true, "enriches": true, "enriched": true, "strengthen": true,
	"strengthens": true, "celebrate": true, "celebrates": true, "thank": true, "thanks": true, "cherished": true,
	"treasured": true, "warm": true, "warmest": true, "industrious": true, "gifted": true, "heroic": true,
	"honorable": true, "vital": true, "essential": true, "embrace": true, "embraces": true, "value": true,
	"values": true, "valued": true, "stand with": true, "stand by": true, "decent": true, "honest": true,
	"legend": true, "legends": true, "hero": true, "heroes": true, "gem": true, "gems": true,
	// round 150: "part of our community", "the hardest working people"
	"part": true, "hard": true, "hardest": true, "hardest-working": true}

// ruleHit is the link that made a definitional rule fire, with its byte
// span (the term and its target) for evidence.
type ruleHit struct {
	start, end int
	why        string
}

// lexBag: the words of the unit the target analysis does not read (no
// lexicon section of target.txt), stemmed, scaled by 1/sqrt(n). They carry
// what the lexicons miss ("taking over our hospitals", "contribute"). At
// training time a word is kept only when it occurs in at least two families
// of text (train package): a word that is evidence in one corpus only is
// an artefact of that corpus.
func lexBag(ti *targetInfo) []feat {
	seen := map[string]bool{}
	var fs []feat
	for i, w := range ti.words {
		// a country's name stays a word of the bag: [origin_country] only
		// tells who "families from Syria" are (round 30), [trope] who "they"
		// are (round 104)
		if ti.secAt[i]&^(1<<tOriginCountry|1<<tTrope) != 0 || len(w.w) < 2 {
			continue
		}
		name := "w:" + stem(w.w)
		if seen[name] {
			continue
		}
		seen[name] = true
		fs = append(fs, feat{name, 1, w.s, w.e})
	}
	if len(fs) > 0 {
		// words are weak evidence: scaled down, and a short text's few
		// words do not weigh more than a sentence's (a two-word text would
		// otherwise get 0.7 per word: "Migrants keep our hospitals
		// running" was anti-migrant by the weight of "keep")
		sc := lexBagScale / math.Sqrt(float64(max(len(fs), lexBagMinWords)))
		for i := range fs {
			fs[i].val = sc
		}
	}
	return fs
}

// lexBag scaling: chosen on validation (docs/analysis.md, "Round 2 choices").
const (
	lexBagScale    = 0.5
	lexBagMinWords = 8
)

// antiFeats are the features of anti_migrant and counter_speech. The
// words (lexBag) come in only where the unit has an evaluative word (a
// hostile or positive term, VADER's strongly valenced words): words alone
// cannot make a neutral sentence hostile or supportive, they can only
// weigh the evidence that is there ("Migrants keep our hospitals running"
// has no hostile word; "keep" is evidence of hostility only in "keep
// them out").
func (s *Scorer) antiFeats(u *unit) []feat {
	fs := s.targetFeats(u.ti, u)
	if len(u.ti.links) > 0 {
		fs = append(fs, lexBag(u.ti)...)
	}
	return fs
}

// definitional reports whether a link to migrants in the text's own voice
// is hostile by definition (the floor rule).
func definitional(l hostLink) bool {
	if !l.linked || l.kind != kMigrant {
		return false
	}
	switch l.cat {
	case tDehum, tSlur, tEmotion, tProfanity:
		return l.status == stOwn
	case tDerog:
		// a derogatory attribute of the lexicon said of people ("immigrants
		// are despicable", "filthy migrants"), not of migration as a topic
		// ("immigration is a problem"), and not one of the weak words said
		// of situations as much as of people ("a burden"). VADER's negative
		// words are not enough: they include states ("they are
		// terrified", "scared")
		return l.status == stOwn && l.personal && l.strength >= strongDerog
	case tThreat:
		return l.status == stOwn && l.modal
	case tExclusion:
		// a call for exclusion, not a policy of removal: a verb or phrase
		// ("deport them all", "send them back", "go home"), not the noun
		// ("considered for deportation"), and not qualified to a subset
		// ("convicted offenders should be deported")
		return l.status == stOwn && l.modal && !l.noun && !l.qualified
	case tPositive:
		// denied praise ("no migrant is a decent person"), not a denied
		// strong affection ("I don't hate them. Don't love them either")
		return l.status == stNeg && l.cat == tPositive && !l.affection
	}
	return false
}

// strongDerog: the strength (|valence|/4, or 1 for a derogatory word of
// the lexicon that is not among the weak ones) a derogatory term needs for
// the floor.
const strongDerog = 0.5

func isHostileCat(c int) bool {
	if c == tVNeg {
		return true
	}
	for _, h := range hostileCats {
		if h == c {
			return true
		}
	}
	return false
}

func (ti *targetInfo) linkSpan(l hostLink) (int, int) {
	i, j := l.i, l.j
	if l.ti >= 0 {
		for _, m := range ti.mentions {
			if m.i == l.ti {
				i, j = min(i, m.i), max(j, m.j)
			}
		}
	}
	return ti.words[i].s, ti.words[j-1].e
}

// antiRules applies the definitions to the model's probability p.
func (s *Scorer) antiRules(u *unit, p float64) (float64, *ruleHit) {
	ti := u.ti
	if s.custom[TaskAntiMigrant] {
		return p, nil
	}
	if !ti.migrant {
		return math.Min(p, maxUntargeted), nil
	}
	own, framed := false, false
	var floor *ruleHit
	for _, l := range ti.links {
		if !l.linked || l.kind != kMigrant || !isHostileCat(l.cat) && !(l.cat == tPositive && l.status == stNeg) {
			continue
		}
		if definitional(l) && floor == nil {
			st, en := ti.linkSpan(l)
			floor = &ruleHit{st, en, catNames[l.cat] + " said of migrants"}
		}
		if l.cat == tPositive {
			continue
		}
		if l.status == stOwn {
			own = true
		} else {
			framed = true
		}
	}
	// "whoever put the windows through at the migrant hotel deserves a
	// medal" (round 167)
	if floor == nil {
		if a, e := approvedAttack(ti); a >= 0 {
			floor = &ruleHit{ti.words[a].s, ti.words[e-1].e, "attack on migrants praised"}
		}
	}
	if floor != nil {
		if p < ruleFloor {
			return ruleFloor, floor
		}
		return p, nil
	}
	// "without migrant farmworkers the crops would rot": the loss falls on
	// what would be lost without migrants, not on them
	if framed && !own || !own && dependence(ti) {
		return math.Min(p, framedCap), nil
	}
	// "most burglaries here are done by local teenagers, not refugees":
	// every migrant the unit names is contrasted out, so what it says is
	// said of someone else (round 179)
	if !own && contrastedOut(ti) {
		return math.Min(p, framedCap), nil
	}
	// every hostile word of the unit, linked to a target or not, is
	// condemned, denied or reported ("Posting that refugees are 'rats' is
	// not free speech, it is dehumanisation")
	any, ownAny := false, false
	for _, l := range ti.links {
		if isHostileCat(l.cat) {
			any = true
			ownAny = ownAny || l.status == stOwn
		}
	}
	if any && !ownAny {
		return math.Min(p, framedCap), nil
	}
	return p, nil
}

// counterRules applies the definitions of counter_speech to p.
func (s *Scorer) counterRules(u *unit, p float64) (float64, *ruleHit) {
	ti := u.ti
	if s.custom[TaskCounterSpeech] {
		return p, nil
	}
	var cond, pos, neg *ruleHit
	hostile := false
	for _, l := range ti.links {
		if !l.linked || l.kind != kMigrant {
			continue
		}
		st, en := ti.linkSpan(l)
		switch {
		case definitional(l):
			hostile = true
		case isHostileCat(l.cat) && l.status == stCond:
			cond = &ruleHit{st, en, "hostility condemned"}
		case l.cat == tPositive && l.status == stOwn && !ti.question && (praiseWords[s.vocab.lemmaOf(ti.words[l.i].w)] || praiseWords[s.vocab.adjBase(ti.words[l.i].w)]) &&
			!strings.HasPrefix(ti.words[l.i].tag, "VBN") && !ti.words[l.i].q && !conceded(ti, &l):
			pos = &ruleHit{st, en, "praise of migrants"}
		case isHostileCat(l.cat) && l.status == stNeg:
			neg = &ruleHit{st, en, "hostile claim denied"}
		}
	}
	if cond != nil {
		hostile = false // the hostility is the condemned quote
	}
	// condemning an attack on migrants ("a cowardly act of hate")
	var incident *ruleHit
	if ti.migrant && ti.count[tIncident] > 0 {
		for k := range ti.words {
			if s.condemnsAt(ti, k) && !descriptive[ti.words[k].w] {
				incident = &ruleHit{ti.words[k].s, ti.words[k].e, "attack condemned"}
				break
			}
		}
	}
	if cond == nil && incident != nil {
		cond = incident
	}
	// "whoever attacked the Syrian family should be locked up" (round 168)
	if cond == nil {
		if a, e := ti.condemned[0], ti.condemned[1]; a >= 0 {
			cond = &ruleHit{ti.words[a].s, ti.words[e-1].e, "attack on migrants condemned"}
		}
	}
	// "the racist abuse aimed at the Afghans has to stop" (round 166)
	if cond == nil {
		if a, e := ti.stopped[0], ti.stopped[1]; a >= 0 {
			cond = &ruleHit{ti.words[a].s, ti.words[e-1].e, "hostility told to stop"}
		}
	}
	// a loss said to follow without migrants: "without immigrants the NHS
	// would collapse" (round 150; a cue only before it)
	if pos == nil && ti.migrant && ti.count[tIncident] == 0 {
		if a, b, ok := dependenceSpan(ti); ok {
			pos = &ruleHit{ti.words[a].s, ti.words[b-1].e, "loss without migrants"}
		}
	}
	if !hostile {
		r := cond
		if r == nil {
			r = pos
		}
		if r == nil && neg != nil && (ti.count[tCorrection]+ti.count[tSolidarity]+ti.count[tCondemn] > 0) {
			r = neg
		}
		if r != nil {
			if p < ruleFloor {
				return ruleFloor, r
			}
			return p, nil
		}
		if !counterCue(ti, u, s.restrictiveOnly(u)) {
			return math.Min(p, maxUncued), nil
		}
		return p, nil
	}
	return math.Min(p, counterCap), nil
}

// conceded reports praise the speaker concedes before a "but": "I respect
// migrants, but we cannot take in more than we can house", "we like the
// refugees here, however ...". It is a disclaimer, not pushback.
func conceded(ti *targetInfo, l *hostLink) bool {
	first := false
	for k := l.i - 1; k >= 0 && k >= l.i-3; k-- {
		switch ti.words[k].w {
		case "i", "we", "i've", "we've":
			first = true
		}
	}
	if !first {
		return false
	}
	for k := l.j; k < len(ti.words); k++ {
		switch ti.words[k].w {
		case "but", "however", "yet":
			return true
		}
	}
	return false
}

// counterCue reports an explicit sign of pushback in a unit. In a unit
// whose only policy direction is restrictive (restrictive: "we support a
// firm cap on the number of asylum seekers", "firms that hire illegal
// immigrants should face bigger fines") a word of contribution ("firm",
// "hire", "shortages") is no pushback: the unit argues for restriction
// (round 18).
func counterCue(ti *targetInfo, u *unit, restrictive bool) bool {
	if ti.count[tSolidarity] > 0 || ti.count[tCorrection] > 0 && corrects(ti) {
		return true
	}
	// a question put back to the speaker: "Why do you think that?"
	if ti.question && ti.you {
		return true
	}
	for k := range ti.words {
		// "racist graffiti was found ..., police said": a word that
		// names the kind of an incident being reported condemns nothing
		if ti.has(k, tCondemn) && !negatedAt(ti, k) && !(descriptive[ti.words[k].w] && ti.count[tIncident] > 0) {
			return true
		}
	}
	for _, l := range ti.links {
		if l.linked && l.kind == kMigrant && (l.cat == tPositive || l.cat == tVPos) && l.status == stOwn && !conceded(ti, &l) ||
			l.linked && l.kind == kMigrant && isHostileCat(l.cat) && (l.status == stNeg || l.status == stCond) {
			return true
		}
	}
	return contributionBy(ti, u) && !restrictive || ti.migrant && ti.count[tIncident] == 0 && dependence(ti)
}

// statisticPhrases: correction words that report a figure ("official
// figures show", "Home Office data", "12 per cent"); news reports them
// of anything, so alone they correct nothing (round 21).
var statisticPhrases = map[string]bool{"figures show": true, "the figures": true, "statistics": true, "data": true,
	"per cent": true, "percent": true, "percentage": true, "on average": true, "per capita": true, "study": true,
	"studies": true, "research": true, "more likely": true, "less likely": true}

// contestWords mark a claim being answered: a contrast, a claim named, a
// figure minimised ("despite what you hear", "not the thousands some
// claim", "just 0.2 per cent"). "Believe", "think" and "less" report an
// opinion or a finding as often as they answer one (round 22).
var contestWords = map[string]bool{"despite": true, "contrary": true, "but": true, "however": true, "yet": true,
	"although": true, "claim": true, "claims": true, "claimed": true, "myth": true, "rumour": true, "rumours": true,
	"rumor": true, "rumors": true, "just": true, "only": true, "tiny": true, "mere": true, "actually": true}

// corrects reports a correction in a unit: a correction word that is not
// only a statistic, or a statistic beside something it answers (a hostile
// word, a negation, a contrast or a claim, a minimised figure). "The number
// of asylum claims rose by 20% last year, official figures show" corrects
// nothing (round 21).
func corrects(ti *targetInfo) bool {
	stat := false
	var words []string
	for _, h := range ti.hits {
		if h.section != tCorrection || ti.dropped(h) {
			continue
		}
		if words == nil {
			words = wordsOf(ti)
		}
		if !statisticPhrases[strings.Join(words[h.start:h.end], " ")] {
			return true
		}
		stat = true
	}
	if !stat {
		return false
	}
	for _, c := range hostileCats {
		if ti.count[c] > 0 {
			return true
		}
	}
	for k, w := range ti.words {
		// "asylum claims", "the claim": a noun, not a claim being named
		if (w.w == "claim" || w.w == "claims") && k > 0 && claimNounBefore[ti.words[k-1].w] {
			continue
		}
		if ti.has(k, tNegation) || contestWords[w.w] {
			return true
		}
		// a comparison on the ground of a stereotype: "immigrants commit
		// fewer crimes", "less likely to be in prison"
		if w.w == "less" || w.w == "fewer" || w.w == "lower" || w.w == "likely" {
			for j := k + 1; j < len(ti.words) && j <= k+6; j++ {
				if stereotypeGround[ti.words[j].w] {
					return true
				}
			}
		}
	}
	return false
}

// stereotypeGround: what a myth about migrants is commonly about (crime,
// benefits, jobs): a comparison on it answers the myth.
var stereotypeGround = map[string]bool{"crime": true, "crimes": true, "criminal": true, "commit": true, "prison": true,
	"jail": true, "offend": true, "reoffend": true, "benefits": true, "welfare": true, "handouts": true, "jobs": true,
	"tax": true, "taxes": true, "housing": true, "violent": true, "violence": true, "terrorism": true, "rape": true,
	"arrested": true, "convicted": true}

// claimNounBefore: words before "claim(s)" used as a noun ("asylum claims").
var claimNounBefore = map[string]bool{"asylum": true, "benefit": true, "benefits": true, "the": true, "a": true,
	"an": true, "their": true, "his": true, "her": true, "its": true, "our": true, "your": true, "insurance": true}

// restrictiveOnly reports a unit whose composed policy directions
// (stance.go) are all restrictive: a restriction, a cut or a measure
// ("cap", "fines"), with no open one, and that does not argue against
// the measure by what it would cost ("cutting care visas would leave our
// hospitals without nurses").
func (s *Scorer) restrictiveOnly(u *unit) bool {
	ti := u.ti
	for k, w := range ti.words {
		if w.w != "would" && w.w != "will" && w.w != "could" && w.w != "'d" {
			continue
		}
		for j := k + 1; j < len(ti.words) && j <= k+3; j++ {
			switch x := ti.words[j].w; {
			case lossWords[x], x == "leave", x == "hurt", x == "harm", x == "damage", x == "cost", x == "destroy":
				return false
			}
		}
	}
	fs, _ := s.direction(u)
	r := false
	for _, f := range fs {
		switch f.name {
		case "st:R", "st:comp_R", "st:measure":
			r = true
		case "st:O", "st:comp_O":
			return false
		}
	}
	return r
}

// contributionBy reports migrants doing something of the contribution
// lexicon ("refugees opened three restaurants", "a bakery opened by a
// refugee couple", "the striker, who arrived as a refugee, scored twice"),
// not only receiving it: a unit whose every migrant mention is the
// recipient of help ("my cousin teaches English to immigrants") has no
// contribution cue.
func contributionBy(ti *targetInfo, u *unit) bool {
	if !ti.migrant || u.secCount[secContribution] == 0 {
		return false
	}
	// a report of an incident against migrants is not a story of what they
	// give, even when the victim is "a Nigerian nurse" or runs a shop
	if ti.count[tIncident] > 0 {
		return false
	}
	for _, l := range ti.links {
		if l.status == stRep {
			return false
		}
	}
	for _, m := range ti.mentions {
		// a possessive ("their right to work") names no doer
		if m.pronoun && possessive[ti.words[m.i].w] || m.place {
			continue
		}
		if m.kind == kMigrant && !recipient(ti, m.i) {
			return true
		}
	}
	return false
}

// dependence reports a loss said to follow without migrants: "the ward
// would fall apart without them", "without migrant farmworkers the crops
// would rot", "our club wouldn't exist without the refugees". A loss word
// ("collapse", "rot") or a negated capacity ("wouldn't exist", "couldn't
// cope") must stand with a modal, so "we'd be better off without them"
// and "they came here without papers" are not cues.
func dependence(ti *targetInfo) bool {
	_, _, ok := dependenceSpan(ti)
	return ok
}

// dependenceSpan returns the words of dependence's "without" and of its
// loss, [a, b), for evidence.
func dependenceSpan(ti *targetInfo) (a, b int, ok bool) {
	a = -1
	for _, m := range ti.mentions {
		if m.kind != kMigrant {
			continue
		}
		for k := m.i - 1; k >= 0 && k >= m.i-3; k-- {
			w := ti.words[k]
			if w.w == "without" {
				a = k
				break
			}
			if !tDeterminers[w.w] && !strings.HasPrefix(w.tag, "JJ") && !strings.HasPrefix(w.tag, "NN") {
				break
			}
		}
		if a >= 0 {
			break
		}
	}
	if a < 0 {
		return 0, 0, false
	}
	modal, loss := false, -1
	for k, w := range ti.words {
		switch w.w {
		case "would", "could", "'d", "will", "wo", "ca", "wouldn't", "couldn't", "won't", "wouldnt", "couldnt":
			modal = true
		}
		if lossWords[w.w] || capacityWords[w.w] && negatedAt(ti, k) {
			loss = k
		}
		if w.w == "apart" && k > 0 && strings.HasPrefix(ti.words[k-1].w, "fall") ||
			w.w == "halt" && k > 1 && ti.words[k-2].w == "to" {
			loss = k
		}
	}
	if !modal || loss < 0 {
		return 0, 0, false
	}
	return min(a, loss), max(a, loss) + 1, true
}

// lossWords and capacityWords: what a place or trade suffers without its
// workers ("would collapse"), and what it could not do ("couldn't cope").
var lossWords = map[string]bool{"collapse": true, "collapsed": true, "rot": true, "struggle": true, "close": true,
	"shut": true, "poorer": true, "lost": true, "empty": true, "die": true}
var capacityWords = map[string]bool{"exist": true, "survive": true, "cope": true, "function": true, "run": true,
	"open": true, "manage": true, "last": true}

var possessive = map[string]bool{"their": true, "his": true, "her": true, "theirs": true, "its": true}

// recipient reports a mention at word i that receives help: right after
// "to", "for" or a verb of helping, skipping up to two modifiers ("to
// adult migrants", "helping Afghan families").
func recipient(ti *targetInfo, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch ti.words[k].w {
		case "to", "for", "help", "helps", "helped", "helping", "teach", "teaches", "taught", "teaching",
			"hire", "hires", "hired", "hiring", "employ", "employs", "employed", "employing",
			"support", "supports", "supported", "supporting", "house", "housed", "housing", "feed", "fed", "feeding":
			return true
		case "the", "a", "an", "some", "many", "adult", "young", "local", "new", "newly", "arrived":
			continue
		}
		if strings.HasPrefix(ti.words[k].tag, "JJ") {
			continue
		}
		return false
	}
	return false
}

// migrationFeats are the features of the migration model (round 2): what
// the text names (migrant groups, migration as a topic, its institutions,
// words of migration context, the anchor phrases of topic.txt), the other
// senses of migration words (birds, data, war, trade, tourism), and the
// words of lexBag.
func (s *Scorer) migrationFeats(u *unit) []feat {
	ti := u.ti
	fs := make([]feat, 0, 16)
	flag := func(name string, ok bool) {
		if ok {
			fs = append(fs, feat{name, 1, -1, -1})
		}
	}
	explicit, pronoun, origin := false, false, false
	for _, m := range ti.mentions {
		if m.kind != kMigrant {
			continue
		}
		switch {
		case m.pronoun:
			pronoun = true
		case m.nationality:
			origin = true
		default:
			explicit = true
		}
	}
	institution := false
	for _, h := range ti.hits {
		if (h.section == tMigrant || h.section == tMigrationNoun) && h.end < len(ti.words) && ti.has(h.end, tInstitution) {
			institution = true
		}
	}
	anchor := s.tlex != nil && len(s.tlex.match(u.words, nil)) > 0
	flag("tp:group", explicit && !origin)
	flag("tp:origin", origin)
	flag("tp:pronoun", pronoun && !explicit)
	flag("tp:noun", ti.count[tMigrationNoun] > 0)
	flag("tp:institution", institution)
	flag("tp:context", ti.count[tContext] > 0)
	flag("tp:anchor", anchor)
	flag("tp:slur", ti.count[tSlur] > 0)
	other := ti.count[tNonMigration] > 0 || interstateBorder(ti)
	flag("tp:othersense", other)
	flag("tp:othersense&noanchor", other && !explicit && !institution && ti.count[tMigrationNoun] == 0)
	flag("tp:hostile", ti.migrant && ti.count[tDehum]+ti.count[tExclusion]+ti.count[tStereotype] > 0)
	flag("tp:policy", s.migrationPolicy(u))
	return append(fs, lexBag(ti)...)
}

// migrationPolicy reports a composed migration-policy direction: a change
// verb applied to an immigration policy object ("cut net migration",
// "scrap the cap on visas", "expand mandatory detention"), from stance.txt.
func (s *Scorer) migrationPolicy(u *unit) bool {
	fs, specific := s.direction(u)
	if u.dirCounted {
		return true // "more than 3,000 people arrived": a count, no position
	}
	if !specific {
		return false // "scrap tuition fees"
	}
	for _, f := range fs {
		if strings.HasPrefix(f.name, "st:comp_") || f.name == "st:measure" {
			return true
		}
	}
	return false
}

// descriptive condemnation words name what an incident was ("racist
// graffiti", "a hate crime") without condemning it.
var descriptive = map[string]bool{"racist": true, "racists": true, "racism": true, "xenophobic": true,
	"xenophobia": true, "hate": true, "bigoted": true, "discriminatory": true, "far-right": true, "far": true,
	"fascist": true, "fascists": true, "nazi": true, "nazis": true, "hatred": true, "prejudice": true, "offensive": true,
	"crime": true, "crimes": true, "incident": true, "incidents": true}

// interstateBorder reports a border between two named places ("the border
// between India and Pakistan", "the border between Armenia and
// Azerbaijan"): a border of states, not of migration (round 12).
func interstateBorder(ti *targetInfo) bool {
	for k := 0; k+4 < len(ti.words); k++ {
		switch ti.words[k].w {
		case "border", "borders", "frontier":
		default:
			continue
		}
		if ti.words[k+1].w != "between" || !ti.words[k+2].cap {
			continue
		}
		for j := k + 3; j < len(ti.words) && j <= k+5; j++ {
			if ti.words[j].w == "and" && j+1 < len(ti.words) && ti.words[j+1].cap {
				return true
			}
		}
	}
	return false
}
