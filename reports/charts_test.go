package reports

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/indicators"
)

func TestMonthTicker(t *testing.T) {
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
	res := chartResult()
	line, err := LineChart(res, indicators.AntiMigrantShare)
	if err != nil {
		t.Fatal(err)
	}
	bar, err := BarChart(res, indicators.HateCrimeReportsPer100, "2026-06")
	if err != nil {
		t.Fatal(err)
	}
	figs, err := FiguresChart(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		svg  func() ([]byte, error)
	}{
		{"line_anti_migrant_share.svg", func() ([]byte, error) { return render(line, "svg") }},
		{"bar_hate_crime_reports_per_100.svg", func() ([]byte, error) { return render(bar, "svg") }},
		{"figures.svg", func() ([]byte, error) { return render(figs, "svg") }},
	} {
		got, err := c.svg()
		if err != nil {
			t.Fatal(err)
		}
		golden(t, c.name, got)
		// The month axis is labelled by our ticker, not gonum's.
		if strings.HasPrefix(c.name, "line") || strings.HasPrefix(c.name, "figures") {
			for _, want := range []string{"Jan 2026", "Jun"} {
				if !bytes.Contains(got, []byte(want)) {
					t.Errorf("%s lacks tick label %q", c.name, want)
				}
			}
		}
	}
	// The PNG encodings are deterministic too.
	a, err := render(line, "png")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := render(line, "png")
	if !bytes.Equal(a, b) {
		t.Error("two PNG renderings differ")
	}
	if dir := os.Getenv("XENOSCOPE_KEEP_CHARTS"); dir != "" {
		for name, p := range map[string]func() ([]byte, error){
			"line.png":    func() ([]byte, error) { return render(line, "png") },
			"bar.png":     func() ([]byte, error) { return render(bar, "png") },
			"figures.png": func() ([]byte, error) { return render(figs, "png") },
		} {
			data, _ := p()
			os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
	}
	for _, ind := range []string{"no_such_indicator"} {
		if _, err := LineChart(res, ind); err == nil {
			t.Error("unknown indicator accepted")
		}
	}
}
