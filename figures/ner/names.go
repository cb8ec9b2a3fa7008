package ner

import "strings"

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
