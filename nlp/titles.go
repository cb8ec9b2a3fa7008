package nlp

import (
	"strings"
	"unicode"
)

// Title is what the one title table knows about a word written before a
// person's name ("Mayor", "Cllr.", "Sen.", "striker").
type Title struct {
	// Name: the word marks a person but is not part of the name; the name
	// tagger's title features and the mention rules strip it.
	Name bool
	// Strict: capitalised, it is followed by a name ("Mayor Doe", "Cllr
	// Shah"); "General" or "Chief" are not.
	Strict bool
	// Tagger: counted by the name tagger's document-level "follows a title"
	// feature. The embedded model was trained with exactly this set, so it
	// changes only with a retrained model.
	Tagger bool
	// Gender: 'm', 'f' or 0 ("Mrs" is 'f').
	Gender byte
	// Role: the office it names, for "the senator said" -> the last person
	// introduced as "Sen. X"; "" for titles that name no office.
	Role string
	// Abbrev: written with a period that does not end the sentence ("Sen.").
	Abbrev bool
}

// titleTable: word, flags (N name title, S strict, T tagger feature, .
// abbreviation), gender, role. "-" is empty.
const titleTable = `
alderman       NS   - -
ambassador     N    - -
attorney       N    - -
bishop         N    - bishop
candidate      N    - -
capt           N.   - -
captain        NT   - -
ceo            N    - -
chair          N    - -
chairman       N    m -
chairwoman     N    f -
chancellor     NT   - chancellor
chief          N    - -
cllr           NTS. - councillor
coach          NT   - -
col            N.   - -
colonel        N    - -
commissioner   N    - commissioner
congressman    NS   m representative
congresswoman  NS   f representative
councillor     NTS  - councillor
councilman     NS   m councillor
councilor      NS   - councillor
councilwoman   NS   f councillor
dame           N    f -
defender       NT   - -
deputy         N    - -
det            .    - detective
detective      N    - detective
director       N    - -
dr             NTS. - -
father         N    m -
gen            N.   - -
general        N    - -
gov            NTS. - governor
governor       NTS  - governor
imam           N    - imam
insp           .    - inspector
inspector      -    - inspector
judge          NTS  - judge
justice        N    - -
king           N    m -
lady           N    f -
leader         N    - -
lieutenant     N    - -
lord           N    m -
lt             N.   - -
manager        NT   - -
mayor          NTS  - mayor
mep            NS   - -
midfielder     NT   - -
minister       NTS  - minister
miss           NT   f -
mp             NS   - -
mr             NTS. m -
mrs            NTS. f -
ms             NTS. f -
mx             N    - -
officer        N    - -
pastor         N    - pastor
pope           N    - -
premier        NT   - premier
pres           .    - president
president      NT   - president
prime          N    - -
prince         N    m -
princess       N    f -
prof           NT.  - professor
professor      NT   - professor
queen          N    f -
rabbi          N    - rabbi
rep            NTS. - representative
representative N    - representative
rev            NTS. - -
reverend       NS   - -
secretary      NT   - -
sen            NTS. - senator
senator        NTS  - senator
sergeant       N    - -
sgt            N.   - -
sheriff        NS   - sheriff
sir            NT   m -
spokesman      NT   m -
spokesperson   N    - -
spokeswoman    NT   f -
striker        NT   - -
superintendent -    - superintendent
supt           .    - superintendent
`

// otherAbbrevs end with a period that rarely ends a sentence and are not
// titles: suffixes, companies, months, Latin and place abbreviations.
const otherAbbrevs = `jr sr st hon v atty cmdr adm vs etc e.g i.e no inc ltd co corp jan feb mar apr jun jul aug sep
sept oct nov dec u.s u.k d.c a.m p.m mt ft approx dept est fig`

var titles, abbrevs = func() (map[string]Title, map[string]bool) {
	ts := map[string]Title{}
	ab := map[string]bool{}
	for _, line := range strings.Split(titleTable, "\n") {
		f := strings.Fields(line)
		if len(f) != 4 {
			continue
		}
		t := Title{
			Name:   strings.Contains(f[1], "N"),
			Strict: strings.Contains(f[1], "S"),
			Tagger: strings.Contains(f[1], "T"),
			Abbrev: strings.Contains(f[1], "."),
		}
		if f[2] != "-" {
			t.Gender = f[2][0]
		}
		if f[3] != "-" {
			t.Role = f[3]
		}
		ts[f[0]] = t
		if t.Abbrev {
			ab[f[0]] = true
		}
	}
	for _, w := range strings.Fields(otherAbbrevs) {
		ab[w] = true
	}
	return ts, ab
}()

// LookupTitle returns the title table's entry for a lower-case word; a
// final period is ignored ("sen." is "sen").
func LookupTitle(lower string) (Title, bool) {
	t, ok := titles[strings.TrimSuffix(lower, ".")]
	return t, ok
}

// IsAbbreviation reports a lower-case word (without its period) that is
// written with a period which does not end the sentence: "mr", "sen",
// "jan", "u.s", "inc".
func IsAbbreviation(lower string) bool { return abbrevs[lower] }

// IsAllCaps reports a word with at least one upper-case letter and no
// lower-case one ("NATO", "U.S.", "MITCHELL"; not "123").
func IsAllCaps(w string) bool {
	cased := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			cased = true
		}
	}
	return cased
}
