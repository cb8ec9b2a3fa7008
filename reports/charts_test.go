package reports

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/indicators"
	"gonum.org/v1/plot/vg"
)

func TestMonthTicker(t *testing.T) {
	t.Parallel()
	day := func(y int, m time.Month, d int) float64 {
		return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix())
	}
	cases := []struct {
		name     string
		min, max float64
		labels   []string // labels of the labelled ticks in order
		ticks    int      // all ticks (labelled and minor)
	}{
		{"four months", day(2025, 12, 17), day(2026, 4, 16), []string{"Jan 2026", "Feb", "Mar", "Apr"}, 4},
		{"across a new year", day(2025, 10, 1), day(2026, 2, 1), []string{"Oct 2025", "Nov", "Dec", "Jan 2026", "Feb"}, 5},
		{"36 months: every third labelled", day(2023, 12, 17), day(2026, 12, 16),
			[]string{"Jan 2024", "Apr", "Jul", "Oct", "Jan 2025", "Apr", "Jul", "Oct", "Jan 2026", "Apr", "Jul", "Oct"}, 36},
		{"18 months: every second", day(2025, 1, 1), day(2026, 6, 1),
			[]string{"Jan 2025", "Mar", "May", "Jul", "Sep", "Nov", "Jan 2026", "Mar", "May"}, 18},
		{"ten years: years only", day(2016, 1, 1), day(2025, 12, 1),
			[]string{"2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"}, 120},
		{"inside one month", day(2026, 3, 5), day(2026, 3, 20), nil, 0},
		{"empty range", day(2026, 3, 5), day(2026, 3, 1), nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ticks := MonthTicker{}.Ticks(c.min, c.max)
			var labels []string
			for _, tk := range ticks {
				tm := time.Unix(int64(tk.Value), 0).UTC()
				if tm.Day() != 1 || tm.Hour() != 0 || tm.Minute() != 0 || tm.Second() != 0 {
					t.Errorf("tick at %v is not a month start", tm)
				}
				if tk.Value < c.min || tk.Value > c.max {
					t.Errorf("tick %v outside [%v, %v]", tm, c.min, c.max)
				}
				if tk.Label != "" {
					labels = append(labels, tk.Label)
				}
			}
			if strings.Join(labels, "|") != strings.Join(c.labels, "|") || len(ticks) != c.ticks {
				t.Errorf("labels %q (%d ticks), want %q (%d ticks)", labels, len(ticks), c.labels, c.ticks)
			}
		})
	}
}

// chartResult is a hand-built result for the chart goldens: three cities,
// six months, a gap (undefined month), insufficient months and a city
// without any value in the last month.
func chartResult() *indicators.Result {
	months := []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"}
	res := &indicators.Result{Query: indicators.Query{MinN: 20}, Cities: []string{"Lakeside", "Millbrook", "Riverton"}, Months: months}
	nan := math.NaN()
	for ci, city := range res.Cities {
		for mi, m := range months {
			for _, d := range indicators.Definitions {
				base := 0.2 + 0.1*float64(ci) + 0.03*float64(mi)
				n := 40 + 10*ci
				if d.Kind == "count" || d.Kind == "coverage" {
					base = float64(2 + ci + mi%3)
				}
				v := indicators.Value{City: city, Month: m, Indicator: d.Name, Value: base, CILow: base * 0.8, CIHigh: base * 1.25, N: n}
				switch {
				case city == "Millbrook" && m == "2026-03": // a gap
					v.Value, v.CILow, v.CIHigh, v.N, v.Insufficient = nan, nan, nan, 0, true
				case city == "Riverton" && m == "2026-06": // no value in the bar-chart month
					v.Value, v.CILow, v.CIHigh, v.N, v.Insufficient = nan, nan, nan, 0, true
				case city == "Lakeside" && (m == "2026-02" || m == "2026-06"):
					v.N, v.Insufficient = 12, true
					v.CILow, v.CIHigh = base*0.5, base*1.6
				}
				res.Values = append(res.Values, v)
			}
		}
	}
	return res
}

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		bad := filepath.Join(t.TempDir(), name)
		os.WriteFile(bad, got, 0o644)
		t.Errorf("%s differs from the golden file; got written to %s (inspect, then -update if intended)", name, bad)
	}
}

func TestChartGoldens(t *testing.T) {
	t.Parallel()
	res := chartResult()
	line, err := CityChart(res, indicators.AntiMigrantShare, "Lakeside", 0)
	if err != nil {
		t.Fatal(err)
	}
	bar, err := BarChart(res, indicators.HateCrimeReportsPer100, "2026-06")
	if err != nil {
		t.Fatal(err)
	}
	figs, err := FiguresChart(res, "Millbrook")
	if err != nil {
		t.Fatal(err)
	}
	if line == nil || bar == nil || figs == nil {
		t.Fatalf("a chart with data was not drawn: %v %v %v", line, bar, figs)
	}
	for _, c := range []struct {
		name  string
		chart *Chart
	}{
		{"line_anti_migrant_share.svg", line},
		{"bar_hate_crime_reports_per_100.svg", bar},
		{"figures.svg", figs},
	} {
		got, err := c.chart.render("svg", false)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, c.name, got)
		// The month axis is labelled by our ticker, not gonum's.
		if strings.HasPrefix(c.name, "line") || strings.HasPrefix(c.name, "figures") {
			for _, want := range []string{"Jan 2026", "Mar"} {
				if !bytes.Contains(got, []byte(want)) {
					t.Errorf("%s lacks tick label %q", c.name, want)
				}
			}
		}
	}
	// Shares are drawn in percent.
	if svg, _ := line.render("svg", false); !bytes.Contains(svg, []byte("30%")) || !bytes.Contains(svg, []byte("% of migration documents")) {
		t.Error("the share chart is not in percent")
	}
	// The PNG encodings are deterministic, and at twice the pixel density.
	a, err := line.render("png", true)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := line.render("png", true)
	if !bytes.Equal(a, b) {
		t.Error("two PNG renderings differ")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 2*cssWidth || h != 2*cssHigh {
		t.Errorf("PNG %dx%d, want %dx%d (2x)", w, h, 2*cssWidth, 2*cssHigh)
	}
	if dir := os.Getenv("XENOSCOPE_KEEP_CHARTS"); dir != "" {
		for name, c := range map[string]*Chart{"line.png": line, "bar.png": bar, "figures.png": figs} {
			data, _ := c.render("png", true)
			os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
	}
	if _, err := CityChart(res, "no_such_indicator", "Lakeside", 0); err == nil {
		t.Error("unknown indicator accepted")
	}
}

// No empty charts: a city without values, a month without values and an
// indicator without values draw nothing (the page says "no data").
func TestNoEmptyCharts(t *testing.T) {
	t.Parallel()
	res := chartResult()
	nan := math.NaN()
	for i, v := range res.Values {
		if v.City == "Riverton" || v.Month == "2026-06" && v.Indicator == indicators.Stance {
			res.Values[i].Value, res.Values[i].CILow, res.Values[i].CIHigh = nan, nan, nan
		}
	}
	if c, err := CityChart(res, indicators.Stance, "Riverton", 2); c != nil || err != nil {
		t.Errorf("city without values: %v %v", c, err)
	}
	if c, err := BarChart(res, indicators.Stance, "2026-06"); c != nil || err != nil {
		t.Errorf("month without values: %v %v", c, err)
	}
	if c, err := CityChart(res, indicators.Stance, "Lakeside", 0); c == nil || err != nil {
		t.Errorf("a city with values must be drawn: %v", err)
	}
}

// Titles fit their chart: a long city name is set smaller, then shortened.
func TestTitlesFit(t *testing.T) {
	t.Parallel()
	res := chartResult()
	long := "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch and the neighbouring villages of the valley"
	res.Cities[0] = long
	for i := range res.Values {
		if res.Values[i].City == "Lakeside" {
			res.Values[i].City = long
		}
	}
	c, err := CityChart(res, indicators.AntiMigrantShare, long, 0)
	if err != nil || c == nil {
		t.Fatal(err)
	}
	svg, err := c.render("svg", true)
	if err != nil {
		t.Fatal(err)
	}
	w := chartW - 2*vg.Points(6)
	if got := textWidth(c.Plot.Title.TextStyle, c.Plot.Title.Text); got > w {
		t.Errorf("title %q is %v wide, the chart %v", c.Plot.Title.Text, got, w)
	}
	if !strings.HasSuffix(c.Plot.Title.Text, "…") || !bytes.Contains(svg, []byte("Llanfair")) {
		t.Errorf("title %q", c.Plot.Title.Text)
	}
}
