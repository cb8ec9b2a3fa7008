// Package model holds the plain structs shared across xenoscope's pipeline:
// crawl → store → analyze → indicators → reports. It has no behaviour and no
// dependencies, so every package can import it.
package model

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// Source kinds.
const (
	KindNews       = "news"
	KindStatements = "statements"
)

// SourceKind describes one kind of configured source.
type SourceKind struct {
	Name string
	// Speaker: a source of this kind may name the one speaker who owns all
	// its texts (a mayor's press page); its texts are then attributed to him.
	Speaker bool
	// Doc is the one-line description shown in errors and docs.
	Doc string
}

// SourceKinds is the one list of source kinds. The config's kind check,
// the store (sources.kind), `figures -find -kind` and their messages all
// read it: a new kind is one entry here (plus what analysis should do
// differently for it, see docs/architecture.md).
var SourceKinds = []SourceKind{
	{Name: KindNews, Doc: "local news: articles and reports"},
	{Name: KindStatements, Speaker: true, Doc: "public statements: a council, mayor or party press page"},
}

// LookupSourceKind returns the kind named name.
func LookupSourceKind(name string) (SourceKind, bool) {
	for _, k := range SourceKinds {
		if k.Name == name {
			return k, true
		}
	}
	return SourceKind{}, false
}

// SourceKindNames lists the kinds' names, quoted, for messages:
// `"news" or "statements"`.
func SourceKindNames() string {
	var b strings.Builder
	for i, k := range SourceKinds {
		switch {
		case i == 0:
		case i == len(SourceKinds)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(k.Name))
	}
	return b.String()
}

// CitySpec is a configured city as the store records it: plain values
// (the config package builds them with (*config.Config).Specs), so that the
// store does not depend on the config file's format.
type CitySpec struct {
	Name    string
	Country string
	Sources []SourceSpec
	Figures []FigureSpec
	// Exclude names persons never counted as the city's figures.
	Exclude []string
	// FigureMinLocal: local documents that must mention or quote an
	// unregistered person before they count as the city's figure.
	FigureMinLocal int
	// RegisteredFiguresOnly counts only registered figures.
	RegisteredFiguresOnly bool
}

// DefaultFigureMinLocal is FigureMinLocal when the config does not set it:
// two local documents, so that one passing mention makes nobody a city's
// figure.
const DefaultFigureMinLocal = 2

// SourceSpec is a configured source of a city.
type SourceSpec struct {
	Name    string
	Kind    string // one of SourceKinds
	Speaker string
}

// FigureSpec is a registered public figure of a city.
type FigureSpec struct {
	Name    string
	Aliases []string
	Role    string
	Party   string
}

// Threshold is the one decision threshold: a document or an attributed
// statement "is" migration, anti-migrant, counter-speech or a hate-crime
// report when its score for that is >= Threshold. Indicators, the report
// and the figures queries pass it to SQL; it is written nowhere else.
const Threshold = 0.5

// Document is one stored article or public statement.
type Document struct {
	ID        int64     `json:"id"`
	URL       string    `json:"url"` // canonical
	City      string    `json:"city"`
	Source    string    `json:"source"`
	Kind      string    `json:"kind"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Published time.Time `json:"-"` // zero when unknown
	Authors   []string  `json:"authors"`
	Language  string    `json:"language"`
	FetchedAt time.Time `json:"-"`
	// Speaker is the source's configured speaker (statements sources only).
	Speaker string `json:"-"`
	// ContentHash identifies the text (documents.content_hash): analyze
	// stores the hash of the text it scored, so a changed text is scored again.
	ContentHash string `json:"-"`
}

// Month returns the document's month as "2006-01": by Published, or by
// FetchedAt when the date is unknown. fallback reports the latter.
func (d *Document) Month() (month string, fallback bool) {
	if !d.Published.IsZero() {
		return d.Published.UTC().Format("2006-01"), false
	}
	return d.FetchedAt.UTC().Format("2006-01"), true
}

// Evidence is a span of the input that moved one score.
type Evidence struct {
	Score  string  `json:"score"` // which score: anti_migrant, counter_speech, ...
	Start  int     `json:"start"` // byte offset into the input text
	End    int     `json:"end"`
	Text   string  `json:"text"`
	Weight float64 `json:"weight"`
}

// Mention is a person mention with byte offsets into the input text.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Name  string `json:"name"` // canonical figure name
}

// Quote is an attributed statement inside a text.
type Quote struct {
	Speaker       string  `json:"speaker"` // canonical name, "" when unknown
	Text          string  `json:"text"`
	Start         int     `json:"start"`
	End           int     `json:"end"`
	Kind          string  `json:"kind,omitempty"` // direct | indirect | source
	CounterSpeech float64 `json:"counter_speech"`
	AntiMigrant   float64 `json:"anti_migrant"`
	// Migration is how much the quote is about migration: the higher of
	// its own migration probability and that of the sentences around it.
	Migration float64 `json:"migration"`
}

// SentenceScore holds the per-sentence scores behind a document's scores.
type SentenceScore struct {
	Index           int     `json:"index"`
	Start           int     `json:"start"`
	End             int     `json:"end"`
	Migration       float64 `json:"migration"`
	AntiMigrant     float64 `json:"anti_migrant"`
	CounterSpeech   float64 `json:"counter_speech"`
	Stance          float64 `json:"stance"`
	Tone            float64 `json:"tone"`
	HateCrime       float64 `json:"hate_crime_report"`
	PopulismMatches int     `json:"populism_matches"`
	Words           int     `json:"words"`
}

// Scores is the output of analyze for one text: the `xenoscope score`
// line format. Field names are a public contract.
type Scores struct {
	ID                string     `json:"id"`
	Migration         float64    `json:"migration"`
	AntiMigrant       float64    `json:"anti_migrant"`
	CounterSpeech     float64    `json:"counter_speech"`
	Stance            float64    `json:"stance"`
	Populism          float64    `json:"populism"`           // matches per 1,000 words
	PopulistSentences float64    `json:"populist_sentences"` // share of sentences with a match
	Tone              float64    `json:"tone"`
	HateCrimeReport   float64    `json:"hate_crime_report"`
	Mentions          []Mention  `json:"mentions"`
	Quotes            []Quote    `json:"quotes"`
	Evidence          []Evidence `json:"evidence"`
	Model             string     `json:"model"`
	// Language is the text's ISO 639-1 code ("en"; "" when too short to
	// tell). Excluded: the text is in a language the models are not built
	// for; it gets no scores (null in the score line, NULL in doc_scores)
	// and is left out of every indicator's denominator.
	Language string `json:"language"`
	Excluded bool   `json:"-"`

	// Sufficient statistics for indicators (not part of the score line).
	Words              int             `json:"-"`
	PopulismMatches    int             `json:"-"`
	Sentences          int             `json:"-"`
	PopulistSentenceN  int             `json:"-"` // sentences with ≥1 populism match
	MigrationSentences int             `json:"-"`
	MigrationToneSum   float64         `json:"-"` // sum of tone over migration sentences
	SentenceScores     []SentenceScore `json:"-"`
}

// CrawlStats counts what one crawl run did. Stored per run for coverage.
type CrawlStats struct {
	Discovered    int            `json:"discovered"`
	Fetched       int            `json:"fetched"`
	New           int            `json:"new"`
	Unchanged     int            `json:"unchanged"`
	Duplicates    int            `json:"duplicates"`
	RobotsSkipped int            `json:"robots_skipped"`
	Errors        map[string]int `json:"errors"` // by kind: timeout, http_4xx, http_5xx, too_large, private_address, extract, ...
	// RunID is the crawl_runs row of the run (0 when not recorded).
	RunID int64 `json:"run_id"`
	// Updated counts stored documents whose page changed and was re-stored.
	Updated int `json:"updated"`
	// NotArticles counts fetched pages that were not stored because they are
	// not articles (listing pages, too little text); NotArticleReasons
	// splits them by reason (seed, noindex, not_html, no_text, too_short,
	// too_large, too_complex).
	NotArticles       int            `json:"not_articles"`
	NotArticleReasons map[string]int `json:"not_article_reasons,omitempty"`
	// Sources holds per-source counts, in config order.
	Sources []SourceCrawlStats `json:"sources,omitempty"`
}

// SourceCrawlStats counts what one crawl run did for one source.
type SourceCrawlStats struct {
	City          string         `json:"city"`
	Source        string         `json:"source"`
	Discovered    int            `json:"discovered"`
	Fetched       int            `json:"fetched"`
	New           int            `json:"new"`
	Unchanged     int            `json:"unchanged"`
	Duplicates    int            `json:"duplicates"`
	RobotsSkipped int            `json:"robots_skipped"`
	Errors        map[string]int `json:"errors"`
	// Failed is true when every fetch of the source failed.
	Failed bool `json:"failed"`
}

// TextContext tells analysis where a text comes from, for attribution:
// the city (for the figure registry), the source kind, and for statements
// sources the configured speaker who owns the whole text.
type TextContext struct {
	City    string
	Kind    string
	Speaker string
	// Language is the text's ISO 639-1 code when known (a stored
	// document's, detected once at ingest); "" lets the scorer detect it.
	Language string
}

// MarshalJSON writes the score line; an excluded text's scores are null.
func (s Scores) MarshalJSON() ([]byte, error) {
	type plain Scores
	if !s.Excluded {
		return json.Marshal(plain(s))
	}
	return json.Marshal(struct {
		ID                string     `json:"id"`
		Migration         *float64   `json:"migration"`
		AntiMigrant       *float64   `json:"anti_migrant"`
		CounterSpeech     *float64   `json:"counter_speech"`
		Stance            *float64   `json:"stance"`
		Populism          *float64   `json:"populism"`
		PopulistSentences *float64   `json:"populist_sentences"`
		Tone              *float64   `json:"tone"`
		HateCrimeReport   *float64   `json:"hate_crime_report"`
		Mentions          []Mention  `json:"mentions"`
		Quotes            []Quote    `json:"quotes"`
		Evidence          []Evidence `json:"evidence"`
		Model             string     `json:"model"`
		Language          string     `json:"language"`
	}{ID: s.ID, Mentions: nonNil(s.Mentions), Quotes: nonNilQ(s.Quotes), Evidence: nonNilE(s.Evidence), Model: s.Model, Language: s.Language})
}

func nonNil(m []Mention) []Mention {
	if m == nil {
		return []Mention{}
	}
	return m
}

func nonNilQ(q []Quote) []Quote {
	if q == nil {
		return []Quote{}
	}
	return q
}

func nonNilE(e []Evidence) []Evidence {
	if e == nil {
		return []Evidence{}
	}
	return e
}
