package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/xenoscope/xenoscope/nlp"
)

// The models read English (issue 11, point 5). A text in another language
// gets no scores: Score sets Language and Excluded, `score` writes null
// scores, analyze stores NULL scores and the indicators leave it out of
// every denominator (and count it as excluded in coverage).

// minLanguageLetters: texts with fewer letters are too short to tell a
// language from the Latin alphabet and are scored (a headline, a tweet).
const minLanguageLetters = 40

// minLanguageConfidence: whatlanggo's confidence needed to exclude a Latin-script
// text (its own IsReliable asks for more than 0.8, which a two-line German
// paragraph does not reach). Measured on English text: see
// TestEnglishIsScored.
const minLanguageConfidence = 0.4

// shortLanguageConfidence: the same under 150 letters.
const shortLanguageConfidence = 0.75

// languageSample: the bytes of a text the language is detected on. An
// article's language is that of its first paragraphs; detecting it on the
// whole of a long article cost a fifth of Score's time (docs/analysis.md,
// "Throughput") and changed no decision on the shared article bodies.
const languageSample = 3000

// textLanguage returns the ISO 639-1 code of text and whether the models
// can score it. A known language (a stored document's, detected at
// ingest) is trusted unless the text reads as English; otherwise the text
// is detected here (whatlanggo, the detector extract uses). Scripts other
// than Latin are decided by script whatever the length; Latin texts need
// minLanguageLetters and a reliable detection to be excluded.
func textLanguage(text, known string) (string, bool) {
	if known == "en" {
		return known, true
	}
	if len(text) > languageSample {
		cut := strings.LastIndexByte(text[:languageSample], ' ')
		if cut <= 0 {
			cut = languageSample
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		text = text[:cut]
	}
	// the words only: handles, hashtags and URLs are not language
	// ("@lou_says_hi shut your stupid mouth" read as Haitian Creole)
	var b strings.Builder
	for _, t := range nlp.Tokenize(text) {
		if t.Kind == nlp.Word {
			b.WriteString(text[t.Start:t.End])
			b.WriteByte(' ')
		}
	}
	text = b.String()
	letters, latin := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	if letters == 0 {
		return known, true
	}
	info := whatlanggo.Detect(text)
	code := info.Lang.Iso6391()
	if latin*2 < letters {
		// mostly another script (Cyrillic, Arabic, CJK, ...)
		return code, false
	}
	need := minLanguageConfidence
	if letters < 150 {
		need = shortLanguageConfidence // informal short English reads as Haitian or Afrikaans
	}
	// An unreliable detection names no language: whatlanggo's top language
	// at low confidence changes from one process to the next ("The hotel in
	// Brindley houses 46 single men." read as "en" or as something else at
	// confidence 0.02), and the output must not.
	reliable := letters >= minLanguageLetters && info.Confidence >= need && code != ""
	switch {
	case reliable && code == "en":
		return code, true
	case known != "":
		return known, false // ingest's detection, not contradicted
	case !reliable:
		return "", true
	}
	return code, false
}
