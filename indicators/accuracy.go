package indicators

// Measured is the measured accuracy of one classifier behind the
// indicators, on held-out data it was never trained or tuned on. The report
// prints it in every indicator's section (Definition.Scores names the
// classifiers), because an interval covers sampling only: a value is as
// good as the classifier that counted it.
type Measured struct {
	// Score is the classifier: a doc_scores score, or "attribution"
	// (public figures and their quotes).
	Score  string
	Metric string // "macro-F1", "Pearson r", "speaker accuracy"
	Value  float64
	// Low and High are the 95% interval of Value (0, 0 when not measured).
	Low, High float64
	N         int    // rows measured
	Data      string // what it was measured on, in a few words
	// Command reproduces the figure.
	Command string
	// Doc is the documentation file with the method, Section its heading.
	Doc, Section string
}

// Accuracy holds the figures the report quotes, one per classifier. It is
// the one place they are written for the report: whoever changes a model
// updates its entry here together with docs/analysis.md ("Measured") or
// docs/figures.md, and AccuracyModel, which a test compares with the
// shipped models' version so that the figures cannot silently go stale.
var Accuracy = map[string]Measured{
	// Rounds 14 to 63: the frozen cross-source sets (analyze/testdata/crosssource),
	// written by an author who saw no model, code or data; news.csv is
	// passages in the style of local news, the report's main input.
	"migration": {Score: "migration", Metric: "macro-F1", Value: 0.813, Low: 0.748, High: 0.866, N: 205,
		Data:    "independent local-news passages (cross-source news.csv); 0.857 on public statements, 0.906 on manifesto sentences",
		Command: "xenoscope eval -task crosssource",
		Doc:     "docs/analysis.md", Section: "Measured"},
	"anti_migrant": {Score: "anti_migrant", Metric: "macro-F1", Value: 0.738, Low: 0.595, High: 0.837, N: 205,
		Data:    "independent local-news passages (cross-source news.csv); 0.905 on public statements, 0.834 on comments, 0.569 on social-media posts about refugees (HateXplain); accuracy 0.903 [0.880, 0.923] on short sentences by four authors who saw nothing of the project, pooled (functional, splits blind2, blind4, blind5, blind6; 0.872 to 0.922 per author)",
		Command: "xenoscope eval -task crosssource",
		Doc:     "docs/analysis.md", Section: "Measured"},
	"counter_speech": {Score: "counter_speech", Metric: "macro-F1", Value: 0.792, Low: 0.695, High: 0.865, N: 205,
		Data:    "independent local-news passages (cross-source news.csv); 0.819 on public statements, 0.756 on comments; accuracy 0.930 [0.908, 0.949] on short sentences by four authors who saw nothing of the project, pooled (functional, splits blind2, blind4, blind5, blind6)",
		Command: "xenoscope eval -task crosssource",
		Doc:     "docs/analysis.md", Section: "Measured"},
	"hate_crime_report": {Score: "hate_crime_report", Metric: "macro-F1", Value: 0.880, Low: 0.805, High: 0.932, N: 205,
		Data:    "independent local-news passages (cross-source news.csv); 0.943 on public statements; accuracy 0.879 [0.824, 0.924] on short sentences by four authors who saw nothing of the project, pooled (functional, splits blind3 to blind6; 0.812 to 0.952 per author); trained on 50 hand-labelled sentences and definitional rules",
		Command: "xenoscope eval -task crosssource",
		Doc:     "docs/analysis.md", Section: "Measured"},
	"stance": {Score: "stance", Metric: "macro-F1", Value: 0.772, Low: 0.690, High: 0.849, N: 116,
		Data:    "restrictive vs open on independent manifesto-style migration sentences with a direction (cross-source manifesto.csv; 8 of them got no direction); not measured on real coded manifestos",
		Command: "xenoscope eval -task crosssource",
		Doc:     "docs/analysis.md", Section: "Measured"},
	"tone": {Score: "tone", Metric: "Pearson r", Value: 0.883, Low: 0.867, High: 0.898, N: 844,
		Data:    "held-out rated tweets (VADER ratings); 0.667 on movie-review snippets: not measured on news",
		Command: "xenoscope eval -task tone -data ../shared/data/sentiment/tweets_GroundTruth.txt",
		Doc:     "docs/analysis.md", Section: "What each score means"},
	"populism": {Score: "populism", Metric: "dictionary count",
		Data:    "the Rooduijn & Pauwels (2011) dictionary, counted exactly; its validity as a measure of populism is the dictionary's, not measured here",
		Command: "go test ./analyze/ -run TestPopulismExactCounts",
		Doc:     "docs/analysis.md", Section: "What each score means"},
	"attribution": {Score: "attribution", Metric: "speaker accuracy", Value: 0.893, N: 56,
		Data:    "held-out statements of real articles, labelled by hand (0.957 on all 231, partly tuned)",
		Command: "go test ./figures/ -run TestQuoteAttributionGold",
		Doc:     "docs/figures.md", Section: "Gold set and accuracy"},
}

// AccuracyModel is the version of the scoring models (analyze, without the
// figures finder's part) the figures of Accuracy were measured with.
const AccuracyModel = "xs1-ccb0cb367ba8"
