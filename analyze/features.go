package analyze

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/nlp"
)

// feat is one feature of a text unit (a sentence, or a whole short text).
// start/end are byte offsets into the source of the tokens that fired it
// (both -1 for unit-level features), for evidence.
type feat struct {
	name       string
	val        float64
	start, end int
}

// unit is the analysis of one span of text: its normalised words, lexicon
// hits and features.
type unit struct {
	start, end int // byte offsets
	words      []string
	spans      [][2]int // byte span of each word
	hits       []lexHit
	secCount   [numSections]int
	nWords     int
	feats      []feat
	vader      vaderScores
	popMatches int
	clause     []int // clause number of each word
	lexStart   int   // feats[lexStart:] are the non-n-gram features
	ti         *targetInfo
	// the stance direction (stance.go), computed once per unit: the
	// migration gate, the migration model, the stance gate and the stance
	// model all read it
	dirDone     bool
	dirFeats    []feat
	dirSpecific bool
	dirCounted  bool // a count of a migration-specific object (round 229)
	// the hate lexicon's matches (hatecrime.go), computed once per unit:
	// the incident features and the hate rules both read them
	hateDone bool
	hateHits []lexHit
}

// lexPart returns the unit's features after its word n-grams (lexicon,
// clause, frame, tone and shape features): what the small models filter.
func (u *unit) lexPart() []feat { return u.feats[u.lexStart:] }

// camelSplit splits a hashtag body into words at case changes
// ("BuildTheWall" -> build the wall). It returns nil when the tag has no
// internal capital (we cannot segment it reliably).
func camelSplit(tag string) []string {
	var words []string
	start := 0
	prevLower := false
	for i, r := range tag {
		if unicode.IsUpper(r) && prevLower && i > start {
			words = append(words, strings.ToLower(tag[start:i]))
			start = i
		}
		prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
	}
	if len(words) == 0 {
		return nil
	}
	words = append(words, strings.ToLower(tag[start:]))
	return words
}

// stem is a small suffix stripper standing in for lemmas (refugees ->
// refugee, invaded -> invad, flooding -> flood).
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// raisedNotMoney: what is "raised" when it is no money ("residents raised
// concerns", "raised questions about the cost", "raised rents").
var raisedNotMoney = map[string]bool{"concerns": true, "concern": true, "questions": true, "question": true,
	"fears": true, "objections": true, "doubts": true, "issues": true, "issue": true, "alarm": true, "eyebrows": true,
	"the": true, "to": true, "prices": true, "rents": true, "taxes": true, "complaints": true, "worries": true}

// raisedNoMoney reports a contribution hit on "raised" whose object is no
// money: a contribution only in its fundraising sense (round 20).
func raisedNoMoney(words []string, h lexHit) bool {
	return words[h.start] == "raised" && h.end == h.start+1 &&
		h.end < len(words) && raisedNotMoney[words[h.end]]
}

// visitedPlace reports a contribution noun that names a place someone goes
// to (round 73): a determiner after "to", "at", "from" or "into" before it
// ("I went to the doctor's", "an appointment at the dentist", "popped to
// the shop"), not a place someone runs ("a cafe run by Syrian refugees").
func visitedPlace(words []string, h lexHit) bool {
	if h.end != h.start+1 || h.start < 2 {
		return false
	}
	switch words[h.start-1] {
	case "the", "a", "my", "our", "his", "her", "their", "local":
	default:
		return false
	}
	switch words[h.start-2] {
	case "to", "at", "from", "into":
	default:
		return false
	}
	if h.end < len(words) {
		switch words[h.end] {
		case "run", "owned", "opened", "founded", "staffed", "set":
			return false
		}
	}
	return true
}

// takeVerbs: verbs of taking or stealing what is someone else's (round 79).
var takeVerbs = map[string]bool{"take": true, "takes": true, "taking": true, "took": true, "taken": true,
	"steal": true, "steals": true, "stealing": true, "stole": true, "stolen": true}

// jobsTaken reports "jobs" after a verb of taking within three words ("are
// taking all the jobs", "took the jobs of local people"; round 79): the
// job-taking stereotype, no contribution. Not when "nobody" or "no one"
// follows ("taken jobs nobody else wanted").
func jobsTaken(words []string, h lexHit) bool {
	if h.end != h.start+1 || words[h.start] != "jobs" && words[h.start] != "job" {
		return false
	}
	if h.end < len(words) && (words[h.end] == "nobody" || words[h.end] == "no") {
		return false
	}
	return verbBefore(words, h.start, takeVerbs)
}

// verbBefore reports a word of verbs within three words before word i.
func verbBefore(words []string, i int, verbs map[string]bool) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if verbs[words[k]] {
			return true
		}
	}
	return false
}

// shortageCaused reports "shortage(s)" after a verb that makes it within
// three words ("create a housing shortage", "caused shortages"; round
// 190): a harm blamed, no contribution ("filling the shortage").
func shortageCaused(words []string, h lexHit) bool {
	if h.end != h.start+1 || words[h.start] != "shortage" && words[h.start] != "shortages" {
		return false
	}
	return verbBefore(words, h.start, createVerbs)
}

// placeOpening reports an opening whose subject or object is a place that
// houses people ("since the migrant hostel opened", "the council has opened
// another asylum hotel"; round 191): an arrival, as round 180 reads it, no
// business opened.
func placeOpening(words []string, h lexHit) bool {
	if h.end != h.start+1 || !strings.HasPrefix(words[h.start], "open") && !strings.HasPrefix(words[h.start], "reopen") {
		return false
	}
	k := h.start - 1
	for k >= 0 && h.start-k <= 4 && openingAux[words[k]] {
		k--
	}
	if k >= 0 && housingPlaces[words[k]] {
		return true
	}
	k = h.start + 1
	for k < len(words) && openedDeterminers[words[k]] {
		k++
	}
	for e := k + 2; k < len(words) && k <= e; k++ {
		if housingPlaces[words[k]] {
			return true
		}
		if words[k] == "in" || words[k] == "on" || words[k] == "at" || words[k] == "of" {
			return false
		}
	}
	return false
}

// housingPlaces house the people an opening brings (placeOpening);
// openingAux stand between such a place and its opening; openedDeterminers
// before the place opened.
var (
	housingPlaces = map[string]bool{"hotel": true, "hotels": true, "hostel": true, "hostels": true, "centre": true,
		"centres": true, "center": true, "centers": true, "camp": true, "camps": true}
	openingAux = map[string]bool{"was": true, "were": true, "is": true, "has": true, "have": true, "had": true,
		"been": true, "just": true, "first": true, "finally": true, "recently": true}
	openedDeterminers = map[string]bool{"a": true, "an": true, "the": true, "another": true, "that": true,
		"this": true, "these": true, "those": true, "new": true, "more": true, "yet": true}
)

// demanded reports a contribution hit demanded of someone rather than
// told of them (round 63): a deontic modal right before it in its clause
// ("migrants should pay taxes before they get a penny", "they must pay tax
// and learn English"). Allowed work is told, not demanded ("should be
// allowed to work").
func demanded(words []string, clause []int, h lexHit) bool {
	k := h.start - 1
	for k >= 0 && clause[k] == clause[h.start] && h.start-k <= 2 && (words[k] == "also" || words[k] == "first" || words[k] == "to") {
		k--
	}
	if k < 0 || clause[k] != clause[h.start] {
		return false
	}
	return deontic(words[k], words[k+1])
}

var clauseBreak = map[string]bool{
	",": true, ";": true, ":": true, ".": true, "!": true, "?": true, "(": true, ")": true, "—": true, "–": true,
	"but": true, "because": true, "while": true, "although": true, "though": true, "whereas": true, "however": true,
}

func isQuoteTok(s string) bool {
	switch s {
	case `"`, "“", "”", "«", "»", "''", "``":
		return true
	}
	return false
}

// buildUnit analyses tokens toks of src (a sentence or a whole short text).
func (s *Scorer) buildUnit(src string, toks []nlp.Token) *unit {
	return s.buildUnitCtx(src, toks, false)
}

// buildUnitCtx is buildUnit for a sentence of a longer text; ctxMigrant
// says that a sentence just before it named migrants (its pronouns may
// refer to them).
func (s *Scorer) buildUnitCtx(src string, toks []nlp.Token, ctxMigrant bool) *unit {
	u := &unit{}
	u.ti = s.analyzeTargets(src, toks, ctxMigrant)
	if len(toks) > 0 {
		u.start, u.end = toks[0].Start, toks[len(toks)-1].End
	}
	// normalised word stream; ngram[i] reports whether word i may form n-grams
	var ngram []bool
	var quoted []bool
	var clause []int
	inQuote := false
	cl := 0
	for _, t := range toks {
		switch t.Kind {
		case nlp.URL, nlp.Handle:
			continue
		case nlp.Hashtag:
			u.nWords++
			body := src[t.Start+1 : t.End]
			if parts := camelSplit(body); parts != nil {
				for _, p := range parts {
					u.words = append(u.words, p)
					u.spans = append(u.spans, [2]int{t.Start, t.End})
					ngram = append(ngram, true)
					quoted = append(quoted, inQuote)
					clause = append(clause, cl)
				}
			} else {
				u.words = append(u.words, strings.ToLower(body))
				u.spans = append(u.spans, [2]int{t.Start, t.End})
				ngram = append(ngram, false)
				quoted = append(quoted, inQuote)
				clause = append(clause, cl)
			}
			continue
		case nlp.Punct:
			txt := t.Lower
			if isQuoteTok(txt) {
				switch txt {
				case "“", "«":
					inQuote = true
				case "”", "»":
					inQuote = false
				default:
					inQuote = !inQuote
				}
				cl++
				continue
			}
			if clauseBreak[txt] || strings.ContainsAny(txt, ".!?;") {
				cl++
			}
			if strings.Contains(txt, "!") || strings.Contains(txt, "?") {
				w := "!"
				if strings.Contains(txt, "?") {
					w = "?"
				}
				u.words = append(u.words, w)
				u.spans = append(u.spans, [2]int{t.Start, t.End})
				ngram = append(ngram, true)
				quoted = append(quoted, inQuote)
				clause = append(clause, cl)
			}
			continue
		}
		w := t.Lower
		if t.Kind == nlp.Number {
			w = "<num>"
		}
		if w == "rt" {
			continue
		}
		if clauseBreak[w] {
			cl++
		}
		u.nWords++
		u.words = append(u.words, w)
		u.spans = append(u.spans, [2]int{t.Start, t.End})
		ngram = append(ngram, true)
		quoted = append(quoted, inQuote)
		clause = append(clause, cl)
	}
	u.clause = clause
	u.hits = s.lex.match(u.words, u.hits[:0])
	u.hits = slices.DeleteFunc(u.hits, func(h lexHit) bool {
		return h.section == secContribution && (raisedNoMoney(u.words, h) || demanded(u.words, clause, h) ||
			visitedPlace(u.words, h) || jobsTaken(u.words, h) || shortageCaused(u.words, h) || placeOpening(u.words, h))
	})
	for _, h := range u.hits {
		u.secCount[h.section]++
	}
	u.popMatches = s.populismCount(u.words)

	fs := make([]feat, 0, 3*len(u.words)+24)
	prev := "<s>"
	prevOK := true
	prevStart := -1
	for i, w := range u.words {
		if !ngram[i] {
			prevOK = false
			continue
		}
		sp := u.spans[i]
		fs = append(fs, feat{"w:" + w, 1, sp[0], sp[1]})
		if st := stem(w); st != w {
			fs = append(fs, feat{"l:" + st, 1, sp[0], sp[1]})
		}
		if prevOK {
			st := prevStart
			if st < 0 {
				st = sp[0]
			}
			fs = append(fs, feat{"b:" + prev + " " + w, 1, st, sp[1]})
		}
		if len(w) > 5 {
			fs = append(fs, feat{"p:" + w[:5], 1, sp[0], sp[1]})
		}
		prev, prevOK, prevStart = w, true, sp[0]
	}
	// Scale n-gram features by 3/sqrt(n): a long sentence does not
	// accumulate evidence by sheer length (chosen on validation splits).
	if len(fs) > 0 {
		sc := 3 / math.Sqrt(float64(len(fs)))
		for i := range fs {
			fs[i].val = sc
		}
	}
	u.lexStart = len(fs)
	// lexicon section features
	for sec := 0; sec < numSections; sec++ {
		if c := u.secCount[sec]; c > 0 {
			st, en := -1, -1
			for _, h := range u.hits {
				if h.section == sec {
					st, en = u.spans[h.start][0], u.spans[h.end-1][1]
					break
				}
			}
			fs = append(fs, feat{"x:" + sectionNames[sec], 1, st, en})
			if c > 1 {
				fs = append(fs, feat{"x2:" + sectionNames[sec], 1, st, en})
			}
		}
	}
	// clause co-occurrence features
	type clInfo struct {
		has    [numSections]bool
		first  [numSections][2]int
		quoted bool
		you    bool
	}
	clauses := map[int]*clInfo{}
	get := func(c int) *clInfo {
		ci := clauses[c]
		if ci == nil {
			ci = &clInfo{}
			clauses[c] = ci
		}
		return ci
	}
	for _, h := range u.hits {
		ci := get(clause[h.start])
		if !ci.has[h.section] {
			ci.has[h.section] = true
			ci.first[h.section] = [2]int{u.spans[h.start][0], u.spans[h.end-1][1]}
		}
		if quoted[h.start] {
			ci.quoted = true
		}
	}
	for i, w := range u.words {
		if w == "you" || w == "your" || w == "you're" {
			if ci, ok := clauses[clause[i]]; ok {
				ci.you = true
			}
		}
	}
	// Negation pairs are not clause-wide: "negation+X" fires only when a
	// negation word stands at most 4 words before (or, for condemnation, 4
	// after) a hit of X in the same clause (negScoped below), so "refugees
	// were welcome ... racism would never be tolerated" is not "not welcome".
	pairs := [][2]int{
		{secTarget, secDehumanizing}, {secTarget, secExclusion},
		{secTarget, secCondemnation}, {secTarget, secPositive},
		{secSpeech, secDehumanizing}, {secSpeech, secExclusion}, {secCondemnation, secDehumanizing},
		{secCrime, secVictimGroup}, {secCrime, secReportFrame},
		{secTarget, secRestrictive}, {secTarget, secWelcoming}, {secTarget, secCrime},
		{secTarget, secContribution},
	}
	seen := map[string]bool{}
	// iterate clauses in order: features (and float sums) are deterministic
	keys := slices.Sorted(maps.Keys(clauses))
	for _, k := range keys {
		ci := clauses[k]
		for _, p := range pairs {
			if ci.has[p[0]] && ci.has[p[1]] {
				name := "c:" + sectionNames[p[0]] + "+" + sectionNames[p[1]]
				if !seen[name] {
					seen[name] = true
					a, b := ci.first[p[0]], ci.first[p[1]]
					fs = append(fs, feat{name, 1, min(a[0], b[0]), max(a[1], b[1])})
				}
			}
		}
		if ci.quoted && (ci.has[secDehumanizing] || ci.has[secExclusion]) && !seen["c:quoted+hostile"] {
			seen["c:quoted+hostile"] = true
			fs = append(fs, feat{"c:quoted+hostile", 1, -1, -1})
		}
		if ci.you && (ci.has[secDehumanizing] || ci.has[secCondemnation]) && !seen["c:you+frame"] {
			seen["c:you+frame"] = true
			fs = append(fs, feat{"c:you+frame", 1, -1, -1})
		}
	}
	fs = s.frameFeats(u, clause, quoted, fs, seen)
	// cross-clause unit features
	if u.secCount[secCrime] > 0 && u.secCount[secVictimGroup] > 0 {
		fs = append(fs, feat{"u:crime&victim", 1, -1, -1})
	}
	if u.secCount[secCrime] > 0 && u.secCount[secReportFrame] > 0 {
		fs = append(fs, feat{"u:crime&report", 1, -1, -1})
	}
	// A migrant group and a contribution act anywhere in the unit
	// ("Refugees from Syria opened three restaurants ..., creating forty
	// jobs": the jobs are in the next clause).
	if u.secCount[secTarget] > 0 && u.secCount[secContribution] > 0 {
		fs = append(fs, feat{"u:target&contribution", 1, -1, -1})
	}
	// VADER tone
	txt := src[u.start:u.end]
	u.vader = vader(s.vlex, txt)
	if c := u.vader.Compound; c > 0 {
		fs = append(fs, feat{"v:pos", c, -1, -1})
	} else if c < 0 {
		fs = append(fs, feat{"v:neg", -c, -1, -1})
	}
	// shape
	caps := 0
	for _, t := range toks {
		if t.Kind == nlp.Word && t.End-t.Start >= 3 && nlp.IsAllCaps(src[t.Start:t.End]) {
			caps++
		}
	}
	if caps >= 2 {
		fs = append(fs, feat{"s:caps", 1, -1, -1})
	}
	if u.popMatches > 0 {
		fs = append(fs, feat{"x:populism", 1, -1, -1})
	}
	fs = append(fs, feat{"s:len", math.Log1p(float64(u.nWords)) / 4, -1, -1})
	u.feats = fs
	return u
}

// toneFeats are the features of the tone regression: VADER's scores (and
// non-linear transforms of the compound) plus the unit's word n-grams,
// scaled by 1/sqrt(n) so that long texts do not accumulate n-gram noise.
// The choice (vs VADER-only, unscaled n-grams, unigrams) and L2 were made on
// a validation slice of the training split, never on the test split.
func toneFeats(u *unit) []feat {
	v := u.vader
	c := v.Compound
	fs := []feat{
		{"t:compound", c, -1, -1},
		{"t:pos", v.Pos, -1, -1},
		{"t:neg", v.Neg, -1, -1},
		{"t:sum", math.Tanh(v.Sum / 4), -1, -1},
		{"t:npos", math.Log1p(float64(v.NPos)), -1, -1},
		{"t:nneg", math.Log1p(float64(v.NNeg)), -1, -1},
		{"t:c3", c * c * c, -1, -1},
		{"t:csq", math.Copysign(math.Sqrt(math.Abs(c)), c), -1, -1},
		{"t:pn", v.Pos - v.Neg, -1, -1},
	}
	n := 0
	for _, f := range u.feats {
		if strings.HasPrefix(f.name, "w:") || strings.HasPrefix(f.name, "b:") {
			n++
		}
	}
	scale := 1 / math.Sqrt(float64(max(n, 1)))
	for _, f := range u.feats {
		if strings.HasPrefix(f.name, "w:") || strings.HasPrefix(f.name, "b:") {
			f.val = scale
			fs = append(fs, f)
		}
	}
	return fs
}

func firstUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
