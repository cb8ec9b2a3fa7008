package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json")

// f1Floor is the F1 TestAccuracy asserts on the held-out pages of
// ../shared/data/articles (testdata/heldout.txt: 29 pages of 24 sites, set
// aside by a hash before any result was seen; nothing was chosen on them
// except that a fallback gate that lost there was removed, see
// docs/extraction.md). Measured 0.9523 (precision 0.9369, recall 0.9682)
// with `go test ./extract -run TestCandidates -candidates -v`; the floor
// leaves 0.005 for floating-point and dependency-version noise.
const f1Floor = 0.947

// TestAccuracy asserts the floor on the held-out pages and that Extract is
// no worse there than go-trafilatura as its users run it (with and without
// its fallback).
func TestAccuracy(t *testing.T) {
	t.Parallel()
	_, held := splitPages(loadBenchPages(t))
	cands := append([]candidate{{name: "Extract", run: func(raw []byte, u string) (string, error) {
		r, err := Extract(raw, u, "text/html")
		if err != nil {
			return "", err
		}
		return r.Text, nil
	}}}, references()[:2]...)
	scores := scoreAll(held, cands)
	pr, re, f1 := aggregate(scores[0])
	t.Logf("held-out, %d pages: precision %.4f recall %.4f F1 %.4f", len(held), pr, re, f1)
	if f1 < f1Floor {
		t.Errorf("F1 %.4f below the measured floor %.3f", f1, f1Floor)
	}
	for c := 1; c < len(cands); c++ {
		if ref := f1Of(scores[c]); f1 < ref {
			t.Errorf("F1 %.4f below %s's %.4f on the same pages", f1, cands[c].name, ref)
		}
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// encodeTo re-encodes UTF-8 HTML to enc; characters enc cannot represent
// become numeric character references, as legacy-charset sites do.
func encodeTo(t *testing.T, utf8HTML []byte, enc encoding.Encoding) []byte {
	t.Helper()
	out, err := encoding.HTMLEscapeUnsupported(enc.NewEncoder()).Bytes(utf8HTML)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCharsets(t *testing.T) {
	de := readFixture(t, "de-article.html")
	ja := readFixture(t, "ja-article.html")
	// Remove the page's own (UTF-8) declaration so each case declares its own.
	deNoMeta := bytes.Replace(de, []byte(`<meta charset="utf-8">`), nil, 1)
	deMeta := func(decl string) []byte {
		return bytes.Replace(de, []byte(`<meta charset="utf-8">`), []byte(decl), 1)
	}
	jaNoMeta := bytes.Replace(ja, []byte(`<meta charset="Shift_JIS">`), nil, 1)
	deWant := []string{"Krankenhäusern", "Geschäftsmodell", "Ärzte", "Überbehandlung", "vor – Sei es", "Milliardenhöhe"}
	jaWant := []string{"吾輩は猫である。名前はまだ無い。", "ニャーニャー泣いていた", "獰悪な種族"}

	cases := []struct {
		name, contentType string
		raw               []byte
		charset, source   string
		want              []string
		lang              string
	}{
		{"windows-1252 from header", "text/html; charset=windows-1252", encodeTo(t, deNoMeta, charmap.Windows1252), "windows-1252", "header", deWant, "de"},
		{"windows-1252 from meta charset", "text/html", encodeTo(t, deMeta(`<meta charset="windows-1252">`), charmap.Windows1252), "windows-1252", "meta", deWant, "de"},
		{"iso-8859-1 from http-equiv", "", encodeTo(t, deMeta(`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`), charmap.ISO8859_1), "windows-1252", "meta", deWant, "de"},
		{"windows-1252 undeclared is sniffed", "text/html", encodeTo(t, deNoMeta, charmap.Windows1252), "windows-1252", "sniffed", deWant, "de"},
		{"header beats meta", "text/html; charset=windows-1252", encodeTo(t, deMeta(`<meta charset="utf-8">`), charmap.Windows1252), "windows-1252", "header", deWant, "de"},
		{"shift_jis meta after 1024 bytes", "text/html", encodeTo(t, ja, japanese.ShiftJIS), "shift_jis", "meta", jaWant, "ja"},
		{"shift_jis from header", "text/html; charset=Shift_JIS", encodeTo(t, jaNoMeta, japanese.ShiftJIS), "shift_jis", "header", jaWant, "ja"},
		{"utf-8 undeclared", "", deNoMeta, "utf-8", "valid-utf8", deWant, "de"},
		{"utf-8 BOM beats header", "text/html; charset=iso-8859-1", append([]byte("\xef\xbb\xbf"), deNoMeta...), "utf-8", "bom", deWant, "de"},
		{"utf-8 mislabelled iso-8859-1", "text/html; charset=iso-8859-1", deNoMeta, "utf-8", "header-overridden-by-valid-utf8", deWant, "de"},
		{"utf-16 meta in ascii page means utf-8", "", deMeta(`<meta charset="utf-16">`), "utf-8", "meta", deWant, "de"},
		{"windows-1252 behind a server-wide utf-8 header, meta decides", "text/html; charset=UTF-8", encodeTo(t, deMeta(`<meta charset="windows-1252">`), charmap.Windows1252), "windows-1252", "meta", deWant, "de"},
		{"windows-1252 behind utf-8 header and meta is sniffed", "text/html; charset=utf-8", encodeTo(t, deNoMeta, charmap.Windows1252), "windows-1252", "sniffed", deWant, "de"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.charset != "utf-8" && utf8.Valid(c.raw) {
				t.Fatal("test page is still valid UTF-8: the re-encoding did nothing")
			}
			r, err := Extract(c.raw, "https://example.org/artikel", c.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if r.Charset != c.charset || r.CharsetSource != c.source {
				t.Errorf("charset %s (%s), want %s (%s)", r.Charset, r.CharsetSource, c.charset, c.source)
			}
			for _, w := range c.want {
				if !strings.Contains(r.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, r.Text)
				}
			}
			if strings.ContainsRune(r.Text, utf8.RuneError) || strings.ContainsRune(r.Title, utf8.RuneError) {
				t.Errorf("replacement character in output: %q", r.Title)
			}
			if r.Language != c.lang {
				t.Errorf("language %q, want %q", r.Language, c.lang)
			}
		})
	}
}

// TestRealPageWindows1252 re-encodes a whole real benchmark page to
// windows-1252 and checks that extraction gives the same text as from the
// UTF-8 original.
// TestStrayInvalidByte: one invalid byte in a UTF-8 page does not turn the
// page into windows-1252; the bad byte becomes U+FFFD.
func TestStrayInvalidByte(t *testing.T) {
	raw := bytes.Replace(readFixture(t, "de-article.html"), []byte("Kostendruck"), []byte("Kosten\xffdruck"), 1)
	r, err := Extract(raw, "", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if r.Charset != "utf-8" || !strings.Contains(r.Text, "Krankenhäusern") || !strings.Contains(r.Text, "Kosten\ufffddruck") {
		t.Errorf("charset %s, text %.400q", r.Charset, r.Text)
	}
	if !utf8.ValidString(r.Text) {
		t.Error("invalid UTF-8 in text")
	}
}

func TestRealPageWindows1252(t *testing.T) {
	var page *benchPage
	pages := loadBenchPages(t)
	for i := range pages {
		if strings.HasPrefix(pages[i].ID, "57b4dafd") {
			page = &pages[i]
		}
	}
	if page == nil {
		t.Skip("page 57b4dafd not in the shared articles")
	}
	orig, err := Extract(page.HTML, page.URL, "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	cp := encodeTo(t, page.HTML, charmap.Windows1252)
	if utf8.Valid(cp) {
		t.Fatal("re-encoded page is still valid UTF-8")
	}
	// The page declares <meta charset="utf-8">: the server header must win.
	got, err := Extract(cp, page.URL, "text/html; charset=windows-1252")
	if err != nil {
		t.Fatal(err)
	}
	if got.Charset != "windows-1252" {
		t.Errorf("charset %s", got.Charset)
	}
	if got.Text != orig.Text || got.Title != orig.Title {
		t.Errorf("windows-1252 extraction differs from UTF-8:\n%.300q\nvs\n%.300q", got.Text, orig.Text)
	}
	for _, w := range []string{"Krankenhäusern", "Ärzte", "Überbehandlung"} {
		if !strings.Contains(got.Text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
}

// articleBody is a real news paragraph (AP, benchmark page 05844573) long
// enough for the extractor to accept the page as an article.
const articleBody = `<p>New electric vehicles, several new small SUVs, a redesigned compact car, a plug-in version of Toyota’s top-selling vehicle and a futuristic electric station wagon concept car from Volkswagen are among the new models on display this week at the Los Angeles Auto Show.</p>
<p>Toyota is displaying a rechargeable hybrid version of the RAV4 — the top-selling vehicle in the U.S. that’s not a pickup truck — while Ford is rolling out an all-new electric SUV that carries the Mustang performance car brand name. There also is a redesigned compact Sentra from Nissan.</p>
<p>The show opens to the public on Friday. Here are some of the highlights.</p>`

func page(head, body string) []byte {
	return []byte("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>L.A. Auto Show highlights</title>" + head +
		"</head><body><nav><a href=\"/\">Home</a> <a href=\"/autos\">Autos</a> <a href=\"/sports\">Sports</a></nav><article><h1>L.A. Auto Show highlights</h1>" +
		body + articleBody + "</article><footer>Copyright 2019 The Associated Press. All rights reserved.</footer></body></html>")
}

func TestDates(t *testing.T) {
	cet := time.FixedZone("", 3600)
	cases := []struct {
		name, url, head, body string
		want                  time.Time
	}{
		{"article:published_time with zone", "https://news.example/autos/la-show",
			`<meta property="article:published_time" content="2024-03-05T14:30:00+01:00">`, "",
			time.Date(2024, 3, 5, 14, 30, 0, 0, cet)},
		{"published preferred over modified", "https://news.example/autos/la-show",
			`<meta property="article:published_time" content="2023-01-10T08:00:00Z"><meta property="article:modified_time" content="2023-02-20T10:00:00Z">`, "",
			time.Date(2023, 1, 10, 8, 0, 0, 0, time.UTC)},
		{"JSON-LD datePublished", "https://news.example/autos/la-show",
			`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"L.A. Auto Show highlights","datePublished":"2023-11-02T08:15:00Z"}</script>`, "",
			time.Date(2023, 11, 2, 8, 15, 0, 0, time.UTC)},
		{"time element, day only", "https://news.example/autos/la-show", "",
			`<p class="dateline"><time datetime="2022-06-10">June 10, 2022</time></p>`,
			time.Date(2022, 6, 10, 0, 0, 0, 0, time.UTC)},
		{"date in URL", "https://news.example/2021/09/14/la-auto-show", "", "",
			time.Date(2021, 9, 14, 0, 0, 0, 0, time.UTC)},
		{"metadata beats URL", "https://news.example/2021/09/14/la-auto-show",
			`<meta property="article:published_time" content="2021-09-13T22:05:00Z">`, "",
			time.Date(2021, 9, 13, 22, 5, 0, 0, time.UTC)},
		{"no date anywhere (a copyright year is not a date)", "https://news.example/autos/la-show", "", "", time.Time{}},
		{"free-text German date", "https://news.example/autos/la-show", "",
			`<p class="meta">publiziert am 25. September 2018</p>`,
			time.Date(2018, 9, 25, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Extract(page(c.head, c.body), c.url, "text/html")
			if err != nil {
				t.Fatal(err)
			}
			if !r.Published.Equal(c.want) || r.Published.Format(time.RFC3339) != c.want.Format(time.RFC3339) {
				t.Errorf("published %s, want %s", r.Published.Format(time.RFC3339), c.want.Format(time.RFC3339))
			}
		})
	}
}

func TestSplitAuthors(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"Jane Doe", []string{"Jane Doe"}},
		{"By Jane Doe", []string{"Jane Doe"}},
		{"by: Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe; John Roe", []string{"Jane Doe", "John Roe"}},
		{"By Jane Doe and John Roe", []string{"Jane Doe", "John Roe"}},
		{"Jane Doe, John Roe & Ann Poe", []string{"Jane Doe", "John Roe", "Ann Poe"}},
		{"TOM KRISHER, AP Auto Writer", []string{"Tom Krisher"}},
		{"Jane Doe, Staff Writer", []string{"Jane Doe"}},
		{"Jane Doe for The Guardian", []string{"Jane Doe"}},
		{"Mike Wuerthele and Malcolm Owen Monday, November", []string{"Mike Wuerthele", "Malcolm Owen"}},
		{"Theresa May", []string{"Theresa May"}},
		{"Von Moritz Bachmann", []string{"Moritz Bachmann"}},
		{"Anna Rossi e Marco Bianchi", []string{"Anna Rossi", "Marco Bianchi"}},
		{"Jane Doe; jane doe", []string{"Jane Doe"}},
		{"jane@example.com; https://twitter.com/jane; Jane Doe", []string{"Jane Doe"}},
		{"Associated Press", []string{"Associated Press"}},
		{"This is a very long sentence that is certainly not the name of any person at all", []string{}},
	}
	for _, c := range cases {
		got := splitAuthors(c.in)
		if got == nil {
			t.Errorf("splitAuthors(%q) = nil, want non-nil", c.in)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("splitAuthors(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAuthorsEndToEnd(t *testing.T) {
	cases := []struct {
		name, head string
		want       []string
	}{
		{"meta author with By and two names", `<meta name="author" content="By Jane Doe and John Roe">`, []string{"Jane Doe", "John Roe"}},
		{"JSON-LD author list", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}</script>`, []string{"Jane Doe", "John Roe"}},
		{"no author", "", []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Extract(page(c.head, ""), "https://news.example/autos/la-show", "text/html")
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(r.Authors, "|") != strings.Join(c.want, "|") || r.Authors == nil {
				t.Errorf("authors %q, want %q", r.Authors, c.want)
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	de := readFixture(t, "de-article.html")
	cases := []struct {
		name string
		raw  []byte
		want string
	}{
		{"German text wins over a wrong lang attribute", bytes.Replace(de, []byte(`<html lang="de">`), []byte(`<html lang="en-US">`), 1), "de"},
		{"German text without lang attribute", bytes.Replace(de, []byte(`<html lang="de">`), []byte(`<html>`), 1), "de"},
		{"English text", page("", ""), "en"},
		{"too short to detect: lang attribute", []byte(`<html lang="fr-FR"><body><article><p>Oui. Non. Trois.</p></article></body></html>`), "fr"},
		// whatlanggo's low-confidence guess changes between processes: none is stored
		{"too short to detect, no declaration", []byte(`<html><body><article><p>The hotel in Brindley houses 46 single men.</p></article></body></html>`), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Extract(c.raw, "", "")
			if err != nil {
				t.Fatal(err)
			}
			if r.Language != c.want {
				t.Errorf("language %q, want %q", r.Language, c.want)
			}
		})
	}
}

func TestBoilerplateAndParagraphs(t *testing.T) {
	r, err := Extract(readFixture(t, "de-article.html"), "https://blog.comwrap.com/die-elektronische-patientenakte", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"Startseite", "Kontakt", "Toller Beitrag", "zweite Teil", "Beliebte Beiträge", "Impressum", "Kommentare"} {
		if strings.Contains(r.Text, bad) {
			t.Errorf("text contains boilerplate %q", bad)
		}
	}
	paras := strings.Split(r.Text, "\n\n")
	if len(paras) < 4 {
		t.Fatalf("want the paragraphs separated by blank lines, got %d:\n%s", len(paras), r.Text)
	}
	for _, p := range paras {
		if p == "" || strings.TrimSpace(p) != p || strings.Contains(p, "\n") {
			t.Errorf("bad paragraph %q", p)
		}
	}
	if !strings.HasPrefix(paras[len(paras)-1], "In Deutschland liegen Patientendaten") {
		t.Errorf("last paragraph %q", paras[len(paras)-1])
	}
}

// TestNavigationOnly: a page with nothing but navigation is no article.
// (go-trafilatura's balanced mode falls back to the page's raw text when
// its result is short, so Extract may return the link text; IsArticle
// rejects it.)
func TestNavigationOnly(t *testing.T) {
	t.Parallel()
	raw := []byte("<html><head><title>t</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav></body></html>")
	r, err := Extract(raw, "https://example.org/x", "text/html")
	if err != nil {
		if !errors.Is(err, ErrNoContent) {
			t.Fatal(err)
		}
		return
	}
	if ok, _ := IsArticle(r, 0); ok {
		t.Errorf("navigation-only page is an article: %+v", r)
	}
}

func TestErrors(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
	huge := bytes.Repeat([]byte("<p>x</p>"), MaxInputSize/8+1)
	deep := append([]byte("<html><body>"), bytes.Repeat([]byte("<span>a</span>"), MaxElements+10)...)
	nested := bytes.Repeat([]byte("<div>"), 600)
	lotsOfText := []byte("<html><body><p>" + strings.Repeat("word ", MaxTextBytes/5+10) + "</p></body></html>")
	cases := []struct {
		name, contentType string
		raw               []byte
		want              error
	}{
		{"over the size cap", "text/html", huge, ErrTooLarge},
		{"too many elements", "text/html", deep, ErrTooComplex},
		{"nested too deep", "text/html", nested, ErrTooComplex},
		{"too much text", "text/html", lotsOfText, ErrTooComplex},
		{"image content type", "image/png", png, ErrNotHTML},
		{"PNG bytes without content type", "", png, ErrNotHTML},
		{"PDF content type", "application/pdf", []byte("%PDF-1.4\n"), ErrNotHTML},
		{"empty page", "text/html", []byte{}, ErrNoContent},
		{"no text", "text/html", []byte("<html><head><title>t</title></head><body><nav></nav></body></html>"), ErrNoContent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Extract(c.raw, "https://example.org/x", c.contentType)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v (result %+v)", err, c.want, r)
			}
			if !strings.Contains(err.Error(), "https://example.org/x") {
				t.Errorf("error %q does not name the page", err)
			}
		})
	}
}

// TestLargePage: a page beyond the trafilatura limits but within the caps is
// extracted by readability, completely.
func TestLargePage(t *testing.T) {
	para := "<p>The council approved the new housing plan for the east side of the city after a long debate.</p>"
	raw := []byte("<html lang=en><head><title>Council minutes</title></head><body><nav><a href=/>Home</a></nav><article><h1>Council minutes</h1>" +
		strings.Repeat(para, largeElements+100) + "<p>The meeting was adjourned at nine.</p></article></body></html>")
	r, err := Extract(raw, "https://city.example/minutes", "text/html")
	if err != nil {
		t.Fatal(err)
	}
	if r.Extractor != "readability" {
		t.Errorf("extractor %q, want readability", r.Extractor)
	}
	if n := strings.Count(r.Text, "housing plan"); n != largeElements+100 {
		t.Errorf("%d paragraphs, want %d", n, largeElements+100)
	}
	if !strings.HasSuffix(r.Text, "The meeting was adjourned at nine.") || r.Title != "Council minutes" {
		t.Errorf("title %q, text ends %q", r.Title, r.Text[len(r.Text)-60:])
	}
}

func TestResultJSON(t *testing.T) {
	r := &Result{URL: "https://a.example/x", Title: "T <b>", Text: "p1\n\np2", Language: "en"}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	b := bytes.TrimSpace(buf.Bytes())
	want := `{"url":"https://a.example/x","title":"T <b>","text":"p1\n\np2","published":"","authors":[],"language":"en"}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	r.Published = time.Date(2024, 3, 5, 14, 30, 0, 0, time.FixedZone("", 3600))
	r.Authors = []string{"Jane Doe"}
	b, _ = json.Marshal(r)
	if !bytes.Contains(b, []byte(`"published":"2024-03-05T14:30:00+01:00","authors":["Jane Doe"]`)) {
		t.Errorf("got %s", b)
	}
}

// TestGolden pins the whole Extract output for the committed fixtures.
func TestGolden(t *testing.T) {
	for _, name := range []string{"de-article.html", "ja-article.html"} {
		t.Run(name, func(t *testing.T) {
			raw := readFixture(t, name)
			ct := "text/html"
			if strings.HasPrefix(name, "ja") {
				raw = encodeTo(t, raw, japanese.ShiftJIS)
			}
			u := "https://example.org/" + strings.TrimSuffix(name, ".html")
			r, err := Extract(raw, u, ct)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".html")+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update after checking):\n%s", path, got)
			}
		})
	}
}

func TestRenderText(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"inline no extra space", "<p>a <b>bold</b> word</p>", "a bold word"},
		{"trimmed link gets a space", "<p>Mason Rudolph<a href=x>(well</a>, 12)</p>", "Mason Rudolph (well, 12)"},
		{"no space before punctuation", "<p>for <a href=x>Larry</a>, 3</p>", "for Larry, 3"},
		{"br is a line break", "<p>line one<br>  line two</p>", "line one\nline two"},
		{"whitespace collapsed", "<p>  a \n\t b  </p>", "a b"},
		{"list items", "<ul><li>x</li><li>y</li></ul>", "x\n\ny"},
		{"table row on one line", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a b\n\nc d"},
		{"pre keeps lines", "<pre>a\n  b</pre>", "a\n  b"},
		{"script dropped", "<p>a<script>var x</script></p>", "a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := mustParseFragment(t, c.html)
			if got := renderText(doc); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestRenderRenamed: extractors rename elements by setting Data without
// touching DataAtom; the renderer must follow the name.
func TestRenderRenamed(t *testing.T) {
	doc := mustParseFragment(t, "<span>a</span><span>b</span>")
	var rename func(n *html.Node)
	rename = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "span" {
			n.Data = "p"
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rename(c)
		}
	}
	rename(doc)
	if got := renderText(doc); got != "a\n\nb" {
		t.Errorf("got %q", got)
	}
}

func TestPageURLNotRequired(t *testing.T) {
	for _, u := range []string{"", "not a url", "/relative/path", "https://ok.example/a?b=c"} {
		r, err := Extract(page("", ""), u, "text/html")
		if err != nil {
			t.Fatalf("url %q: %v", u, err)
		}
		if r.URL != u {
			t.Errorf("URL %q, want %q", r.URL, u)
		}
		if _, err := url.Parse(u); err == nil && r.Text == "" {
			t.Errorf("url %q: empty text", u)
		}
	}
}

// TestDateModes reports how often go-htmldate's fast and extensive modes
// find a date on the benchmark pages and how often they agree. There is no
// date ground truth in the benchmark, so this only logs; the choice is
// explained in docs/extraction.md.
func TestDateModes(t *testing.T) {
	pages := loadBenchPages(t)
	var fast, ext, agree, onlyExt int
	for _, p := range pages {
		doc, err := html.Parse(bytes.NewReader(p.HTML))
		if err != nil {
			t.Fatal(err)
		}
		f := publishedDate(doc, p.URL, false)
		e := publishedDate(doc, p.URL, true)
		if !f.IsZero() {
			fast++
		}
		if !e.IsZero() {
			ext++
			if f.IsZero() {
				onlyExt++
			}
		}
		if f.Equal(e) {
			agree++
		} else {
			t.Logf("%s %s: fast %v, extensive %v", p.ID[:8], p.URL, f, e)
		}
	}
	t.Logf("%d pages: fast mode found a date on %d, extensive on %d (%d only by extensive); identical on %d", len(pages), fast, ext, onlyExt, agree)
	// Extract uses the extensive mode: it must find at least as many.
	if ext < fast || ext < len(pages)*9/10 {
		t.Errorf("extensive mode found a date on %d of %d pages (fast: %d)", ext, len(pages), fast)
	}
}

// TestConcurrent: Extract from several goroutines gives the same results as
// sequential calls (run with -race to check for data races).
func TestConcurrent(t *testing.T) {
	pages := [][]byte{readFixture(t, "de-article.html"), encodeTo(t, readFixture(t, "ja-article.html"), japanese.ShiftJIS), page("", ""),
		page(`<meta property="article:published_time" content="2024-03-05T14:30:00+01:00">`, "")}
	want := make([]string, len(pages))
	for i, p := range pages {
		r, err := Extract(p, "https://example.org/x", "text/html")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r)
		want[i] = string(b)
	}
	errs := make(chan string, 4*len(pages))
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i, p := range pages {
				r, err := Extract(p, "https://example.org/x", "text/html")
				if err != nil {
					errs <- err.Error()
					continue
				}
				if b, _ := json.Marshal(r); string(b) != want[i] {
					errs <- "different result for page " + string(rune('0'+i))
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestCleanTitle(t *testing.T) {
	cases := []struct{ title, site, url, want string }{
		{"Nadal keeps Spain alive against Russia in Davis Cup Finals - Sportsnet.ca", "Sportsnet.ca", "", "Nadal keeps Spain alive against Russia in Davis Cup Finals"},
		{"Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air? - News Nation", "https://www.newsnation.in", "", "Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air?"},
		{"Spiced Honey Pear Jam Recipe | The Anti-June Cleaver", "", "https://www.theantijunecleaver.com/2014/06/jam", "Spiced Honey Pear Jam Recipe"},
		{"LinkNaija | Nigeria's popular news platform: Kate Henshaw Is Looking Stunning", "LinkNaija | Nigeria's popular news platform", "", "Kate Henshaw Is Looking Stunning"},
		{"Black Friday per nostalgici - Remember 80/90 - Memorabilia anni 80/90", "Remember 80/90 - Memorabilia anni 80/90", "", "Black Friday per nostalgici"},
		{"'The Medium is the Message': the 7th Amsterdam Light Festival | Inexhibit", "Inexhibit magazine", "", "'The Medium is the Message': the 7th Amsterdam Light Festival"},
		// Kept: the parts are not the site name.
		{"Opinion | Republicans Are Following Trump to Nowhere", "NYTimes", "https://www.nytimes.com/x", "Opinion | Republicans Are Following Trump to Nowhere"},
		{"The Guardian view on Hong Kong: a city on the brink | Editorial", "The Guardian", "", "The Guardian view on Hong Kong: a city on the brink | Editorial"},
		{"Star Wars Jedi: Fallen Order review - shoots for the moon", "VG247", "", "Star Wars Jedi: Fallen Order review - shoots for the moon"},
		{"Sportsnet.ca", "Sportsnet.ca", "", "Sportsnet.ca"},
		{"IGN - Deals", "IGN", "", "IGN - Deals"},
	}
	for _, c := range cases {
		if got := cleanTitle(c.title, c.site, c.url); got != c.want {
			t.Errorf("cleanTitle(%q, %q) = %q, want %q", c.title, c.site, got, c.want)
		}
	}
}

// TestLanguageOneDetection checks the premise of detectLanguage on the 88
// benchmark pages: for a body of langSample bytes or more, whatlanggo on the
// whole text (what go-trafilatura runs) is reliable and agrees with the
// detection on the first langSample bytes, so the extractor's detection can
// be used without a second one.
func TestLanguageOneDetection(t *testing.T) {
	t.Parallel()
	pages := loadBenchPages(t)
	long := 0
	for _, p := range pages {
		r, err := Extract(p.HTML, p.URL, "text/html")
		if err != nil || len(r.Text) < langSample {
			continue
		}
		long++
		full := whatlanggo.Detect(r.Text)
		sample := r.Text[:langSample]
		for !utf8.ValidString(sample) {
			sample = sample[:len(sample)-1]
		}
		part := whatlanggo.Detect(sample)
		if !full.IsReliable() || full.Lang != part.Lang || full.Lang.Iso6391() != r.Language {
			t.Errorf("%s: whole text %s (confidence %.2f), first %d bytes %s, Extract %s",
				p.ID[:8], full.Lang.Iso6391(), full.Confidence, langSample, part.Lang.Iso6391(), r.Language)
		}
	}
	t.Logf("%d of %d pages have %d bytes of text or more", long, len(pages), langSample)
}

// TestFindPublished: fast mode first, the extensive search only when fast
// finds nothing and only on pages up to extensiveMaxElements elements.
func TestFindPublished(t *testing.T) {
	t.Parallel()
	body := `<article><h1>Bericht</h1><p>Veröffentlicht am 25. September 2018</p><p>` +
		strings.Repeat("Der Rat hat den Plan beschlossen. ", 20) + `</p></article>`
	small, _ := html.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
	if got := findPublished(small, "https://example.org/a", 10); got.Format("2006-01-02") != "2018-09-25" {
		t.Errorf("small page: %v, want 2018-09-25 (found only by the extensive search)", got)
	}
	if got := findPublished(small, "https://example.org/a", extensiveMaxElements+1); !got.IsZero() {
		t.Errorf("page above %d elements: %v, want no date (extensive search skipped)", extensiveMaxElements, got)
	}
	pages := loadBenchPages(t)
	dated := 0
	for _, p := range pages {
		doc, _ := html.Parse(bytes.NewReader(p.HTML))
		if !findPublished(doc, p.URL, 0).IsZero() {
			dated++
		}
	}
	if dated != len(pages) {
		t.Errorf("dated %d of %d benchmark pages, want all (the extensive mode alone dated all)", dated, len(pages))
	}
}

// TestFutureDate: a page dated a few days or weeks ahead (a scheduled post,
// a wrong clock) gets its own date back, so the caller can see it is in the
// future. go-htmldate's default latest date is today: it used to reject the
// full date and fall back to a coarser year-month match, returning the 1st
// of the month, a plausible past date that nothing downstream could catch.
func TestFutureDate(t *testing.T) {
	t.Parallel()
	for _, days := range []int{1, 5, 14, 40} {
		want := time.Now().UTC().AddDate(0, 0, days).Truncate(time.Second)
		head := `<meta property="article:published_time" content="` + want.Format(time.RFC3339) + `">`
		r, err := Extract(page(head, ""), "https://news.example/autos/la-show", "text/html")
		if err != nil {
			t.Fatal(err)
		}
		if !r.Published.Equal(want) {
			t.Errorf("+%d days: published %s, want %s", days, r.Published.Format(time.RFC3339), want.Format(time.RFC3339))
		}
	}
}
