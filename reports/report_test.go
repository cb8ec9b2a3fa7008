package reports

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const evilTitle = `Council vote <script>document.body.setAttribute("data-pwned","1")</script> & more`

// sentences of the synthetic documents; the evidence phrase of each is the
// part in brackets.
var sentencePool = []struct {
	text, evidence, score string
}{
	{"The council debated the new bus timetable on Tuesday.", "", ""},
	{"Residents said the [flood of migrants] is ruining the town.", "flood of migrants", "anti_migrant"},
	{"The mayor said refugees are [welcome here] and deserve respect.", "welcome here", "counter_speech"},
	{"Police are investigating [racist graffiti] on the mosque wall.", "racist graffiti", "hate_crime_report"},
	{"A speaker claimed [the corrupt elite] betrayed ordinary people.", "the corrupt elite", "populism"},
	{"Schools reopened after the summer break with new teachers.", "", ""},
	{"Naïve claims about «asylum» costs were [corrected] by the clerk.", "corrected", "counter_speech"},
}

// buildReportDB writes a synthetic database: 2 cities, 4 months, 30
// documents per city-month (fewer in one month, to make it insufficient),
// with sentences, evidence and attributed statements.
func buildReportDB(t testing.TB) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	r := rand.New(rand.NewPCG(5, 6))
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		exec := func(q string, args ...any) int64 {
			if err != nil {
				return 0
			}
			var res sql.Result
			res, err = tx.ExecContext(ctx, q, args...)
			if err != nil {
				err = fmt.Errorf("%s: %w", q, err)
				return 0
			}
			id, _ := res.LastInsertId()
			return id
		}
		run := exec(`INSERT INTO crawl_runs(started_at, status, errors) VALUES ('2026-04-02T03:00:00Z', 'done', 2)`)
		docN := 0
		for ci, city := range []string{"Lakeside", "Riverton"} {
			cid := exec(`INSERT INTO cities(name) VALUES (?)`, city)
			src := exec(`INSERT INTO sources(city_id, name, kind) VALUES (?, ?, 'news')`, cid, city+" Gazette")
			exec(`INSERT INTO crawl_run_sources(run_id, source_id, fetched, new_docs, errors) VALUES (?,?,?,?,?)`, run, src, 40, 30, ci+1)
			figs := []int64{
				exec(`INSERT INTO figures(city_id, name, role, registered) VALUES (?, ?, 'Mayor', 1)`, cid, "Mayor "+city),
				exec(`INSERT INTO figures(city_id, name, role, registered) VALUES (?, ?, 'Councillor', 1)`, cid, "Councillor "+city),
			}
			for mi, month := range []string{"2026-01", "2026-02", "2026-03", "2026-04"} {
				n := 30
				if city == "Riverton" && month == "2026-02" {
					n = 8 // insufficient
				}
				for i := 0; i < n; i++ {
					docN++
					var text strings.Builder
					type sent struct {
						start, end int
						idx        int
					}
					var sents []sent
					var ev []model.Evidence
					for k := 0; k < 3; k++ {
						si := r.IntN(len(sentencePool))
						if docN == 3 && k == 0 {
							si = 3 // the hostile title's document reports a hate crime: it is an example
						}
						s := sentencePool[si]
						clean := strings.NewReplacer("[", "", "]", "").Replace(s.text)
						start := text.Len()
						text.WriteString(clean)
						if s.evidence != "" {
							off := strings.Index(clean, s.evidence)
							ev = append(ev, model.Evidence{Score: s.score, Start: start + off, End: start + off + len(s.evidence), Text: s.evidence, Weight: 1})
						}
						sents = append(sents, sent{start, text.Len(), si})
						text.WriteString(" ")
					}
					title := fmt.Sprintf("%s story %d", city, docN)
					url := fmt.Sprintf("https://%s.example/news/%d", strings.ToLower(city), docN)
					if docN == 3 {
						title = evilTitle
						url = "javascript:alert(1)"
					}
					published := fmt.Sprintf("%s-%02dT09:00:00Z", month, 1+i%28)
					if i%10 == 0 {
						published = ""
					}
					did := exec(`INSERT INTO documents(url, source_id, title, text, published, fetched_at, content_hash, words) VALUES (?,?,?,?,?,?,?,?)`,
						url, src, title, text.String(), published, fmt.Sprintf("%s-27T00:00:00Z", month), fmt.Sprint("h", docN), 30)
					mig := r.Float64()
					if city == "Riverton" {
						mig = 0.3 + 0.7*r.Float64()
					}
					anti := r.Float64() * (0.5 + 0.15*float64(mi))
					evJSON, _ := json.Marshal(ev)
					ms := 0
					toneSum := 0.0
					for k, s := range sents {
						p := sentencePool[s.idx]
						m, a, c, h, pm, tone := 0.1, 0.0, 0.0, 0.0, 0, 0.0
						switch p.score {
						case "anti_migrant":
							m, a, tone = 0.9, 0.8, -0.7
						case "counter_speech":
							m, c, tone = 0.8, 0.85, 0.6
						case "hate_crime_report":
							m, h, tone = 0.6, 0.9, -0.4
						case "populism":
							pm = 1
						}
						if m >= 0.5 {
							ms++
							toneSum += tone
						}
						exec(`INSERT INTO sentence_scores(document_id, idx, start, end, migration, anti_migrant, counter_speech, stance, tone, hate_crime_report, populism_matches) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
							did, k, s.start, s.end, m, a, c, 0, tone, h, pm)
					}
					hate := r.Float64() * 0.6
					if docN == 3 {
						hate = 0.99
					}
					exec(`INSERT INTO doc_scores(document_id, model, migration, anti_migrant, counter_speech, stance, populism, populist_sentences, tone, hate_crime_report, words, populism_matches, sentences, populist_sentence_n, migration_sentences, migration_tone_sum, evidence, scored_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
						did, "test-1", mig, anti, r.Float64(), 2*r.Float64()-1, 0, 0, 0, hate, 30, r.IntN(3), 3, r.IntN(2), ms, toneSum, string(evJSON), "2026-04-28T00:00:00Z")
					if i%6 == 0 {
						f := figs[(i/6)%2]
						cs, am := 0.9, 0.1
						if i%12 == 0 {
							cs, am = 0.05, 0.8
						}
						q := fmt.Sprintf("Quote %d: <b>we</b> stand together", docN)
						exec(`INSERT INTO statements(document_id, figure_id, city_id, month, speaker, start, end, text, kind, counter_speech, anti_migrant, migration, model) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?)`,
							did, f, cid, month, "x", 0, 5, q, "direct", cs, am, "f-1")
					}
				}
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestWriteReport(t *testing.T) {
	t.Parallel()
	db := buildReportDB(t)
	out := t.TempDir()
	err := Write(context.Background(), db, out, Options{From: "2026-01", SyntheticNotice: true, Seed: 3, Resamples: 200,
		Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{IndexFile, IndicatorsFile, FiguresFile, CoverageFile, "charts/anti_migrant_share_lakeside.png",
		"charts/anti_migrant_share_riverton.svg", "charts/anti_migrant_share_cities.png", "charts/figures_lakeside.svg", "charts/documents_riverton.png"} {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	html, err := os.ReadFile(filepath.Join(out, IndexFile))
	if err != nil {
		t.Fatal(err)
	}
	page := string(html)
	// Untrusted text is escaped, never markup.
	if strings.Contains(page, "<script") {
		t.Error("index.html contains a <script> element: untrusted title was not escaped")
	}
	if !strings.Contains(page, "Council vote &lt;script&gt;") {
		t.Error("the hostile title is not shown as text")
	}
	if strings.Contains(page, `href="javascript:`) {
		t.Error("a javascript: URL became a link")
	}
	if strings.Contains(page, "<b>we</b>") || !strings.Contains(page, "&lt;b&gt;we&lt;/b&gt;") {
		t.Error("quote markup not escaped")
	}
	// Self-contained: no external resources.
	if m := regexp.MustCompile(`(?i)(src|href)="(https?:)?//[^"]*"`).FindAllString(page, -1); len(m) > 0 {
		for _, x := range m {
			if strings.HasPrefix(x, "src") {
				t.Errorf("external resource: %s", x)
			}
		}
	}
	if regexp.MustCompile(`<link|<iframe|<object`).MatchString(page) {
		t.Error("external link/iframe/object element")
	}
	imgs := regexp.MustCompile(`<img [^>]*src="data:image/png;base64,`).FindAllString(page, -1)
	pngs, _ := filepath.Glob(filepath.Join(out, ChartsDir, "*.png"))
	if len(imgs) != len(pngs) || len(imgs) < 3*len(indicators.Definitions) {
		t.Errorf("%d embedded images, %d chart files, want one per city and indicator plus comparisons", len(imgs), len(pngs))
	}
	for _, want := range []string{"SYNTHETIC SAMPLE DATA", "<mark>flood of migrants</mark>", "<mark>welcome here</mark>",
		"<mark>racist graffiti</mark>", "Mayor Lakeside", "Latest values: March 2026", "hate_crime_reports_per_100_migration_docs",
		"Naïve claims about «asylum» costs were <mark>corrected</mark>", "Intervals cover sampling only",
		"April 2026 is still being collected", "Rests on <strong>anti_migrant</strong>: macro-F1", "docs/analysis.md",
		`<span class="tag">March 2026</span>`, "Example sentences: see"} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if svg, _ := os.ReadFile(filepath.Join(out, "charts", "stance_lakeside.svg")); !bytes.Contains(svg, []byte("SYNTHETIC SAMPLE DATA")) {
		t.Error("a chart of synthetic data does not say so")
	}
	csvData, _ := os.ReadFile(filepath.Join(out, IndicatorsFile))
	if !strings.HasPrefix(string(csvData), "city,month,indicator,value,ci_low,ci_high,n,insufficient,partial\n") {
		t.Errorf("indicators.csv header: %.60q", csvData)
	}
	if got := strings.Count(string(csvData), "\n"); got != 1+2*4*len(indicators.Definitions) {
		t.Errorf("indicators.csv has %d lines", got)
	}
	figs, _ := os.ReadFile(filepath.Join(out, FiguresFile))
	if !strings.Contains(string(figs), "Lakeside,2026-01,Councillor Lakeside,Councillor,,true,") {
		t.Errorf("figures.csv:\n%s", figs)
	}
	// Reproducible: a second report gives the same CSV and charts.
	out2 := t.TempDir()
	if err := Write(context.Background(), db, out2, Options{From: "2026-01", SyntheticNotice: true, Seed: 3, Resamples: 200,
		Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{IndexFile, IndicatorsFile, "charts/stance_riverton.svg", "charts/stance_riverton.png"} {
		a, _ := os.ReadFile(filepath.Join(out, f))
		b, _ := os.ReadFile(filepath.Join(out2, f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", f)
		}
	}
}

func TestWriteReportNoData(t *testing.T) {
	t.Parallel()
	db := buildReportDB(t)
	err := Write(context.Background(), db, t.TempDir(), Options{From: "2030-01", To: "2030-02"})
	if !errors.Is(err, ErrNoData) {
		t.Errorf("err = %v, want ErrNoData", err)
	}
}

func TestHighlight(t *testing.T) {
	t.Parallel()
	text := "Der Bürgermeister sagte: Flüchtlinge sind willkommen."
	e := store.ExampleSentence{Text: text, Start: 100, End: 100 + len(text), Evidence: []model.Evidence{
		{Score: "counter_speech", Start: 100 + strings.Index(text, "willkommen"), End: 100 + strings.Index(text, "willkommen") + len("willkommen")},
		{Score: "anti_migrant", Start: 100, End: 103},
		{Score: "counter_speech", Start: 100 + strings.Index(text, "ü") + 1, End: 100 + strings.Index(text, "ü") + 3}, // splits ü: dropped
		{Score: "counter_speech", Start: 90, End: 104},                                                                // clipped to the sentence
	}}
	var b strings.Builder
	for _, s := range highlight(e, "counter_speech") {
		if s.Mark {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	if want := "[Der ]Bürgermeister sagte: Flüchtlinge sind [willkommen]."; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	// No evidence of the score: every overlapping span is marked.
	b.Reset()
	for _, s := range highlight(e, "tone") {
		if s.Mark {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	if want := "[Der ]Bürgermeister sagte: Flüchtlinge sind [willkommen]."; b.String() != want {
		t.Errorf("fallback: got %q, want %q", b.String(), want)
	}
}

// layoutProbe is a script added to a copy of a page: after load it
// measures how many images decoded, what runs off the page or is clipped
// (a table may be wider than the screen only inside its scrolling box),
// the page height, whether a script planted in crawled text ran
// (data-pwned) and whether that text is shown escaped, and posts them to
// the frame around it (see frame).
const layoutProbe = `<script>window.addEventListener("load", function () {
  var W = document.documentElement.clientWidth, problems = [];
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
  if (document.documentElement.scrollWidth > W + 1) problems.push("page " + document.documentElement.scrollWidth + "px wide");
  var name = function (el) { return el.tagName.toLowerCase() + " '" + (el.textContent || el.alt || "").trim().slice(0, 50) + "'"; };
  document.querySelectorAll("table").forEach(function (t) {
    var box = t.closest(".scroll") || t;
    if (box.getBoundingClientRect().right > W + 1) problems.push(name(t) + " overflows");
  });
  document.querySelectorAll("h1, h2, h3, summary, nav, p, li, img, blockquote, figure, .nodata").forEach(function (el) {
    if (el.closest(".scroll")) return;
    var r = el.getBoundingClientRect();
    if (r.right > W + 1) problems.push(name(el) + " runs off the page");
    if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== "IMG") problems.push(name(el) + " clipped");
  });
  parent.postMessage({"data-width": String(W), "data-images": ok + "/" + imgs.length,
    "data-problems": problems.join(" | ").replace(/"/g, "'"), "data-height": String(document.documentElement.scrollHeight),
    "data-pwned": String(document.body.hasAttribute("data-pwned")),
    "data-escaped": String(document.body.innerHTML.indexOf("Council vote &lt;script&gt;") >= 0)}, "*");
});</script></body>`

// browser runs headless chromium on pages at one viewport width. Chromium
// does not make a window narrower than 500 px, so a page is shown in an
// iframe of exactly that width inside a wider window (frame).
type browser struct {
	path, userData string
	width          int
}

func (b browser) args(extra ...string) []string {
	return append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--hide-scrollbars", "--force-device-scale-factor=1", "--allow-file-access-from-files", "--user-data-dir=" + b.userData,
		fmt.Sprintf("--window-size=%d,2400", max(b.width, 500)), "--virtual-time-budget=10000"}, extra...)
}

// frame writes a page that shows src in an iframe b.width pixels wide and
// copies what a probe in it posts onto its own <body> as attributes.
func (b browser) frame(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(filepath.Dir(src), fmt.Sprintf("frame-%d.html", b.width))
	page := fmt.Sprintf(`<!DOCTYPE html><html><body style="margin:0; background:#fff">
<iframe src="%s" style="display:block; border:0; width:%dpx; height:2400px"></iframe>
<script>window.addEventListener("message", function (e) { for (var k in e.data) document.body.setAttribute(k, e.data[k]); });</script>
</body></html>`, filepath.Base(src), b.width)
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// probe loads a copy of page with layoutProbe and returns the probe's
// findings by name (data-images, data-problems, ...).
func (b browser) probe(t *testing.T, page []byte) map[string]string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "probe.html")
	if err := os.WriteFile(path, []byte(strings.Replace(string(page), "</body>", layoutProbe, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.path, b.args("--dump-dom", "file://"+b.frame(t, path))...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v\n%s", err, stderr.String())
	}
	found := map[string]string{}
	for _, m := range regexp.MustCompile(`(data-[a-z]+)="([^"]*)"`).FindAllStringSubmatch(string(out), -1) {
		found[m[1]] = m[2]
	}
	if found["data-width"] != fmt.Sprint(b.width) {
		t.Fatalf("the probe did not run at %d px (got %q); dom starts %.300q", b.width, found["data-width"], out)
	}
	return found
}

// screenshot renders page (a file) at b.width and returns the image,
// cropped to the frame.
func (b browser) screenshot(t *testing.T, page string) image.Image {
	t.Helper()
	shot := filepath.Join(t.TempDir(), "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.path, b.args("--screenshot="+shot, "file://"+b.frame(t, page))...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, stderr.String())
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	sub, ok := img.(interface {
		SubImage(r image.Rectangle) image.Image
	})
	if !ok {
		t.Fatalf("screenshot of type %T", img)
	}
	return sub.SubImage(image.Rect(0, 0, b.width, img.Bounds().Dy()))
}

// TestBrowserRendersReport opens index.html in headless chromium at a
// desktop width (1400 px) and a phone width (400 px): every image decodes,
// nothing runs off the page, no table overflows outside its scrolling box,
// no heading is clipped, and the hostile title ran no script. The probe is
// first shown to catch a bad page. With XENOSCOPE_KEEP_SCREENSHOT set to a
// directory, the screenshots and the page are kept there.
func TestBrowserRendersReport(t *testing.T) {
	t.Parallel()
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not on PATH (CI installs Debian's chromium in .ci/run)")
	}
	bad := []byte(`<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"></head><body>
<h2 style="white-space: nowrap; overflow: hidden">Figures addressing xenophobia per 100 migration documents in Llanfairpwllgwyngyll</h2>
<table><tr><td style="white-space: nowrap">` + strings.Repeat("wide cell ", 80) + `</td></tr></table>
<div class="scroll" style="overflow-x: auto"><table><tr><td style="white-space: nowrap">` + strings.Repeat("scrolls ", 80) + `</td></tr></table></div>
</body></html>`)
	b := browser{chromium, t.TempDir(), 400}
	if problems := b.probe(t, bad)["data-problems"]; !strings.Contains(problems, "table 'wide cell") ||
		!strings.Contains(problems, "h2 'Figures addressing") || strings.Contains(problems, "scrolls") {
		t.Fatalf("the probe misses a bad page's problems: %q", problems)
	}

	db := buildReportDB(t)
	out := t.TempDir()
	if err := Write(context.Background(), db, out, Options{SyntheticNotice: true, Resamples: 100, From: "2025-05"}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, IndexFile))
	if err != nil {
		t.Fatal(err)
	}
	wantImages := len(regexp.MustCompile(`<img `).FindAllIndex(page, -1))
	keep := os.Getenv("XENOSCOPE_KEEP_SCREENSHOT")
	for _, width := range []int{1400, 400} {
		t.Run(fmt.Sprintf("%dpx", width), func(t *testing.T) {
			b := browser{chromium, t.TempDir(), width}
			found := b.probe(t, page)
			if want := fmt.Sprintf("%d/%d", wantImages, wantImages); found["data-images"] != want {
				t.Errorf("images decoded %s, want %s", found["data-images"], want)
			}
			if p := found["data-problems"]; p != "" {
				t.Errorf("layout problems at %d px: %s", width, p)
			}
			t.Logf("page height at %d px: %s px", width, found["data-height"])
			if found["data-pwned"] != "false" {
				t.Error("the script in a crawled title ran")
			}
			if found["data-escaped"] != "true" {
				t.Error("the hostile title is not shown as text in the rendered page")
			}
			// A screenshot of the report itself: a real, non-blank image.
			img := b.screenshot(t, filepath.Join(out, IndexFile))
			colours := map[uint32]bool{}
			bnd := img.Bounds()
			for y := bnd.Min.Y; y < bnd.Max.Y; y += 7 {
				for x := bnd.Min.X; x < bnd.Max.X; x += 7 {
					r, g, b, _ := img.At(x, y).RGBA()
					colours[r>>8<<16|g>>8<<8|b>>8] = true
				}
			}
			if bnd.Dx() != width || len(colours) < 50 {
				t.Errorf("screenshot %v with %d colours: looks blank", bnd, len(colours))
			}
			if keep != "" {
				f, err := os.Create(filepath.Join(keep, fmt.Sprintf("report-%dpx.png", width)))
				if err == nil {
					png.Encode(f, img)
					f.Close()
				}
				os.WriteFile(filepath.Join(keep, "index.html"), page, 0o644)
			}
		})
	}
}
