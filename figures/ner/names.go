package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// names.txt.gz is a list of 197,218 human given names and surnames, lower
// case, one a line: the npm package humannames 1.0.5 (MIT, Copyright (c)
// 2017 Alex Corvi, names-LICENSE.txt; "scraped from social media and
// governmental censuses"), without its entries of two words or broken
// encoding. It is noisy ("the", "let", "bank" and "london" are in it): the
// tagger leaves out the listed words that eng.train writes in lower case
// more often than capitalised (Names, stored in the model), and uses the
// rest only as a feature whose weight training sets (a capitalised word in
// the list, and its neighbours' membership). Chosen on 5-fold
// cross-validation over eng.train documents (docs/figures.md).
//
//go:embed names.txt.gz
var namesGz []byte

// nameList is the decoded list, read once per process.
var nameList = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 200_000)
	zr, err := gzip.NewReader(bytes.NewReader(namesGz))
	if err != nil {
		panic("ner: embedded names.txt.gz: " + err.Error()) // embedded at build time
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if w := sc.Text(); w != "" {
			m[w] = struct{}{}
		}
	}
	if err := sc.Err(); err != nil {
		panic("ner: embedded names.txt.gz: " + err.Error())
	}
	return m
})

// Names is the tagger's name list: the embedded list less the common
// words training found in it.
type Names struct {
	common map[string]bool
}

// NewNames returns the name list less common (lower-case words).
func NewNames(common []string) *Names {
	n := &Names{common: make(map[string]bool, len(common))}
	for _, w := range common {
		n.common[w] = true
	}
	return n
}

// TrainNames reads the sentences of a training text and leaves out of the
// list the words written there in lower case more often than capitalised
// after a sentence's first word (headlines in capitals not counted).
func TrainNames(sents [][]string) *Names {
	low, capd := map[string]int{}, map[string]int{}
	for _, ws := range sents {
		if capsHeadline(ws) {
			continue
		}
		for i, w := range ws {
			l := strings.ToLower(w)
			if l == w {
				low[l]++
			} else if i > 0 && IsCapitalised(w) {
				capd[l]++
			}
		}
	}
	var common []string
	for l, k := range low {
		if k > capd[l] && IsListedName(l) {
			common = append(common, l)
		}
	}
	sort.Strings(common)
	return NewNames(common)
}

// Common returns the left-out words, sorted.
func (n *Names) Common() []string {
	out := make([]string, 0, len(n.common))
	for w := range n.common {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// Listed reports a lower-case word in the list.
func (n *Names) Listed(lower string) bool {
	return n != nil && !n.common[lower] && IsListedName(lower)
}

// IsListedName reports a lower-case word in the embedded list (before
// Names leaves out common words).
func IsListedName(lower string) bool {
	_, ok := nameList()[lower]
	return ok
}

// givenNameGender holds common English given names with a clear majority
// gender, used only to keep "she said" from resolving to "Tom Harper".
// Unknown names are compatible with every pronoun.
var givenNameGender = func() map[string]byte {
	m := map[string]byte{}
	male := `james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey
ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah
ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan
jesse bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne randy vincent mason roy ralph
bobby russell bradley philip eugene tim tom mike jim bob bill steve dave dan chris matt tony rick nick ben
sam greg alex zach joel kurt boris emmanuel vladimir xi narendra rishi keir nigel hans pierre jean luis
carlos ted charlie gordon
adrian colin graham ian neil simon stuart trevor barry derek dean craig liam oliver harry jake luke max`
	female := `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon
laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly
lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle
beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori kate
fiona hillary kamala nancy theresa angela ursula jacinda nicola priti
suella yvette liz lizzie jane janet lucy sophie chloe ellie molly holly claire louise joanne tracy`
	for _, n := range strings.Fields(male) {
		m[n] = 'm'
	}
	for _, n := range strings.Fields(female) {
		m[n] = 'f'
	}
	return m
}()

// GivenNameGender returns 'm' or 'f' for a lower-case common given name
// with a clear majority gender, 0 otherwise.
func GivenNameGender(lower string) byte { return givenNameGender[lower] }

// nameParticles start surnames in lower case: "de Silva", "van Gaal".
var nameParticles = map[string]bool{"de": true, "van": true, "von": true, "da": true, "di": true, "del": true,
	"der": true, "den": true, "dos": true, "du": true, "la": true, "le": true, "bin": true, "al": true, "ibn": true,
	"ten": true, "ter": true, "el": true}

// IsNameParticle reports a lower-case word that starts a surname written
// in lower case ("de", "van", "bin").
func IsNameParticle(lower string) bool { return nameParticles[lower] }
