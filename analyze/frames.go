package analyze

// Frame features: word-order-aware patterns over the lexicon hits of one
// clause, for what bag-of-words features get wrong on news-like text.
//
//   - n:SECTION: a negation word at most 4 words before a hit of SECTION in
//     the same clause ("not welcome", "are not vermin"); for condemnation
//     also at most 4 words after ("racism would never be tolerated").
//   - c:target_is_dehum: a target word followed within 5 words by a copula
//     and then a dehumanising term that is not negated ("migrants are
//     rats"), or a dehumanising term right before a target word ("filthy
//     migrants", "these parasites").
//   - c:hostile_assert: a clause with a target word and a dehumanising or
//     exclusionary term, and no negation, condemnation, speech verb or
//     quotation mark: hostility asserted, not reported or refuted.
//   - c:reject_racism: condemnation vocabulary (racism, hate, bigotry,
//     tolerate) together with a negation or an exclusion phrase ("racism has
//     no place", "would never be tolerated", "hate is not welcome").
//   - c:welcome_target: a target word and a welcoming/positive term, with no
//     negation before the positive term and no dehumanising term in the
//     clause ("refugees were welcome").

var copulas = map[string]bool{"are": true, "is": true, "were": true, "was": true, "be": true, "'re": true, "being": true, "become": true, "becoming": true}

func (s *Scorer) frameFeats(u *unit, clause []int, quoted []bool, fs []feat, seen map[string]bool) []feat {
	n := len(u.words)
	if n == 0 || len(u.hits) == 0 {
		return fs
	}
	// per-word section bitmask
	secAt := make([]uint32, n)
	for _, h := range u.hits {
		for i := h.start; i < h.end && i < n; i++ {
			secAt[i] |= 1 << uint(h.section)
		}
	}
	has := func(i, sec int) bool { return i >= 0 && i < n && secAt[i]&(1<<uint(sec)) != 0 }
	negBefore := func(i, k int) bool {
		for j := i - 1; j >= 0 && j >= i-k && clause[j] == clause[i]; j-- {
			if has(j, secNegation) {
				return true
			}
		}
		return false
	}
	negAfter := func(i, k int) bool {
		for j := i + 1; j < n && j <= i+k && clause[j] == clause[i]; j++ {
			if has(j, secNegation) {
				return true
			}
		}
		return false
	}
	emit := func(name string, i, j int) {
		if seen[name] {
			return
		}
		seen[name] = true
		i, j = max(0, min(i, n-1)), max(0, min(j, n-1))
		if j < i {
			i, j = j, i
		}
		fs = append(fs, feat{name, 1, u.spans[i][0], u.spans[j][1]})
	}
	// per-clause summaries
	type cs struct {
		target, dehum, excl, cond, neg, speech, quoted, pos, racismWord bool
		ti, hi                                                          int
	}
	cls := map[int]*cs{}
	for i := 0; i < n; i++ {
		c := cls[clause[i]]
		if c == nil {
			c = &cs{ti: -1, hi: -1}
			cls[clause[i]] = c
		}
		if has(i, secTarget) && !has(i, secCondemnation) {
			c.target = true
			if c.ti < 0 {
				c.ti = i
			}
		}
		if has(i, secDehumanizing) && !negBefore(i, 4) {
			c.dehum = true
			if c.hi < 0 {
				c.hi = i
			}
		}
		if has(i, secExclusion) {
			c.excl = true
			if c.hi < 0 {
				c.hi = i
			}
		}
		if has(i, secCondemnation) {
			c.cond = true
			switch w := u.words[i]; {
			case w == "racism" || w == "racist" || w == "hate" || w == "hatred" || w == "bigotry" || len(w) > 7 && w[:7] == "tolerat" || len(w) > 8 && w[:8] == "xenophob":
				c.racismWord = true
			}
		}
		if has(i, secNegation) {
			c.neg = true
		}
		if has(i, secSpeech) {
			c.speech = true
		}
		if quoted[i] {
			c.quoted = true
		}
		if (has(i, secPositive) || has(i, secWelcoming)) && !negBefore(i, 4) {
			c.pos = true
		}
		// target is dehumanised: "migrants are (all) rats", "filthy migrants"
		if has(i, secTarget) && !has(i, secCondemnation) {
			for j := i + 1; j < n && j <= i+5 && clause[j] == clause[i]; j++ {
				if copulas[u.words[j]] {
					for k := j + 1; k < n && k <= j+4 && clause[k] == clause[i]; k++ {
						if has(k, secDehumanizing) && !negBefore(k, 3) {
							emit("c:target_is_dehum", i, k)
						}
					}
					break
				}
			}
			for j := i - 1; j >= 0 && j >= i-2 && clause[j] == clause[i]; j-- {
				if has(j, secDehumanizing) && !has(j, secTarget) {
					emit("c:target_is_dehum", j, i)
				}
			}
		}
	}
	// scoped negation, before the first word of a hit (so the "not" of
	// "not welcome" does not negate its own phrase)
	for _, h := range u.hits {
		switch h.section {
		case secDehumanizing, secExclusion, secWelcoming, secRestrictive, secCondemnation, secPositive:
			if h.start < n && (negBefore(h.start, 4) || h.section == secCondemnation && negAfter(min(h.end, n)-1, 4)) {
				emit("n:"+sectionNames[h.section], h.start, h.end-1)
			}
		}
	}
	for i := 0; i < n; i++ {
		c := cls[clause[i]]
		if c == nil {
			continue
		}
		cls[clause[i]] = nil // once per clause
		if c.target && (c.dehum || c.excl) && !c.neg && !c.cond && !c.speech && !c.quoted {
			emit("c:hostile_assert", c.ti, c.hi)
		}
		if c.racismWord && (c.neg || c.excl) {
			emit("c:reject_racism", i, i)
		}
		if c.target && c.pos && !c.dehum {
			emit("c:welcome_target", c.ti, c.ti)
		}
	}
	return fs
}
