package reports

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/xenoscope/xenoscope/indicators"
)

// Chart size: 8 x 4 inches, 768 x 384 pixels as PNG.
const (
	chartW = 8 * vg.Inch
	chartH = 4 * vg.Inch
)

// palette is Okabe and Ito's colour-blind-safe palette (without yellow,
// which vanishes on white). Cities beyond it reuse colours with dashes.
var palette = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xff}, // blue
	{0xD5, 0x5E, 0x00, 0xff}, // vermillion
	{0x00, 0x9E, 0x73, 0xff}, // bluish green
	{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
	{0xE6, 0x9F, 0x00, 0xff}, // orange
	{0x56, 0xB4, 0xE9, 0xff}, // sky blue
	{0x00, 0x00, 0x00, 0xff}, // black
}

var grey = color.RGBA{0x99, 0x99, 0x99, 0xff}

func cityStyle(i int) (color.RGBA, []vg.Length) {
	c := palette[i%len(palette)]
	var dashes []vg.Length
	if i >= len(palette) {
		dashes = []vg.Length{vg.Points(4), vg.Points(2)}
	}
	return c, dashes
}

func translucent(c color.RGBA, a uint8) color.NRGBA {
	return color.NRGBA{c.R, c.G, c.B, a}
}

// monthStart returns the Unix time (seconds) of the first instant of month
// "2006-01", the x coordinate of that month in every chart.
func monthStart(m string) float64 {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return math.NaN()
	}
	return float64(t.Unix())
}

// MonthTicker puts ticks on the first day of months (x is Unix seconds, UTC).
// gonum's default time ticker spaces ticks evenly in seconds, so they land
// on odd dates; this one marks every month start, labels every Step-th month
// (aligned to the calendar: with Step 3, January, April, July, October),
// writes the year on the first label and on every January, and picks Step
// so that at most MaxLabels labels show.
type MonthTicker struct {
	MaxLabels int // 0 = 12
}

// Ticks implements plot.Ticker.
func (mt MonthTicker) Ticks(min, max float64) []plot.Tick {
	if math.IsNaN(min) || math.IsNaN(max) || max < min {
		return nil
	}
	maxLabels := mt.MaxLabels
	if maxLabels <= 0 {
		maxLabels = 12
	}
	first := time.Unix(int64(math.Ceil(min)), 0).UTC()
	t := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	if float64(t.Unix()) < min {
		t = t.AddDate(0, 1, 0)
	}
	var months []time.Time
	for ; float64(t.Unix()) <= max; t = t.AddDate(0, 1, 0) {
		months = append(months, t)
		if len(months) > 12*1000 {
			break // absurd range: stop rather than allocate without bound
		}
	}
	step := 1
	for _, s := range []int{1, 2, 3, 4, 6, 12, 24, 60, 120} {
		step = s
		if (len(months)+s-1)/s <= maxLabels {
			break
		}
	}
	ticks := make([]plot.Tick, 0, len(months))
	labelled := false
	for _, m := range months {
		tick := plot.Tick{Value: float64(m.Unix())}
		if step >= 12 {
			if m.Month() == time.January && m.Year()%(step/12) == 0 {
				tick.Label = m.Format("2006")
			}
		} else if (int(m.Month())-1)%step == 0 {
			if !labelled || m.Month() == time.January {
				tick.Label = m.Format("Jan 2006")
			} else {
				tick.Label = m.Format("Jan")
			}
			labelled = true
		}
		ticks = append(ticks, tick)
	}
	return ticks
}

// series collects one city's values of one indicator in month order.
func series(res *indicators.Result, city, indicator string) []indicators.Value {
	var out []indicators.Value
	for _, v := range res.Values {
		if v.City == city && v.Indicator == indicator {
			out = append(out, v)
		}
	}
	return out
}

// runs splits vs into maximal runs of defined values.
func runs(vs []indicators.Value) [][]indicators.Value {
	var out [][]indicators.Value
	var cur []indicators.Value
	for _, v := range vs {
		if math.IsNaN(v.Value) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, v)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func newPlot(title, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.Y.Label.Text = ylabel
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.Add(plotter.NewGrid())
	return p
}

func setMonthAxis(p *plot.Plot, months []string) {
	p.X.Tick.Marker = MonthTicker{}
	if len(months) > 0 {
		const halfMonth = 15 * 24 * 3600
		p.X.Min = monthStart(months[0]) - halfMonth
		p.X.Max = monthStart(months[len(months)-1]) + halfMonth
	}
}

// yLabel is the axis label of an indicator.
func yLabel(d indicators.Definition) string {
	switch d.Kind {
	case "share":
		return "share (0-1)"
	case "count", "coverage":
		return "count"
	case "rate":
		if d.Name == indicators.Populism {
			return "matches per 1,000 words"
		}
		return "per 100 migration documents"
	}
	return "mean"
}

// LineChart draws one indicator over time: one line per city with a
// translucent 95% CI band, filled points for months with enough documents
// and hollow points for insufficient months. Undefined months are gaps.
func LineChart(res *indicators.Result, indicator string) (*plot.Plot, error) {
	def, ok := indicators.Lookup(indicator)
	if !ok {
		return nil, fmt.Errorf("line chart: unknown indicator %q", indicator)
	}
	p := newPlot(def.Title, yLabel(def))
	setMonthAxis(p, res.Months)
	ymin, ymax := math.Inf(1), math.Inf(-1)
	anyInsufficient := false
	for ci, city := range res.Cities {
		col, dashes := cityStyle(ci)
		var legendThumbs []plot.Thumbnailer
		for _, run := range runs(series(res, city, indicator)) {
			if def.Kind != "coverage" && len(run) > 1 {
				ring := make(plotter.XYs, 0, 2*len(run))
				for _, v := range run {
					ring = append(ring, plotter.XY{X: monthStart(v.Month), Y: v.CIHigh})
				}
				for i := len(run) - 1; i >= 0; i-- {
					ring = append(ring, plotter.XY{X: monthStart(run[i].Month), Y: run[i].CILow})
				}
				band, err := plotter.NewPolygon(ring)
				if err != nil {
					return nil, fmt.Errorf("line chart %s: %w", indicator, err)
				}
				band.Color = translucent(col, bandAlpha(len(res.Cities)))
				band.LineStyle.Width = 0
				p.Add(band)
			} else if def.Kind != "coverage" {
				v := run[0]
				eb := &plotter.YErrorBars{XYs: plotter.XYs{{X: monthStart(v.Month), Y: v.Value}},
					YErrors:   plotter.YErrors{{Low: v.Value - v.CILow, High: v.CIHigh - v.Value}},
					LineStyle: draw.LineStyle{Color: translucent(col, 0x90), Width: vg.Points(1)}, CapWidth: vg.Points(4)}
				p.Add(eb)
			}
			xys := make(plotter.XYs, len(run))
			var full, thin plotter.XYs
			for i, v := range run {
				xys[i] = plotter.XY{X: monthStart(v.Month), Y: v.Value}
				if v.Insufficient {
					thin = append(thin, xys[i])
					anyInsufficient = true
				} else {
					full = append(full, xys[i])
				}
				ymin = math.Min(ymin, math.Min(v.Value, v.CILow))
				ymax = math.Max(ymax, math.Max(v.Value, v.CIHigh))
			}
			line, err := plotter.NewLine(xys)
			if err != nil {
				return nil, fmt.Errorf("line chart %s: %w", indicator, err)
			}
			line.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(1.5), Dashes: dashes}
			p.Add(line)
			legendThumbs = []plot.Thumbnailer{line}
			if len(full) > 0 {
				s, _ := plotter.NewScatter(full)
				s.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}
				p.Add(s)
				legendThumbs = append(legendThumbs, s)
			}
			if len(thin) > 0 {
				s, _ := plotter.NewScatter(thin)
				s.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(3), Shape: draw.RingGlyph{}}
				p.Add(s)
			}
		}
		if len(legendThumbs) > 0 {
			p.Legend.Add(city, legendThumbs...)
		}
	}
	if anyInsufficient {
		s, _ := plotter.NewScatter(plotter.XYs{})
		s.GlyphStyle = draw.GlyphStyle{Color: grey, Radius: vg.Points(3), Shape: draw.RingGlyph{}}
		p.Legend.Add(fmt.Sprintf("hollow: n < %d (insufficient)", res.Query.MinN), s)
	}
	if def.Kind != "coverage" && !math.IsInf(ymin, 1) {
		band, _ := plotter.NewPolygon(plotter.XYs{})
		band.Color = translucent(grey, 0x60)
		band.LineStyle.Width = 0
		p.Legend.Add("band: 95% bootstrap CI", band)
	}
	fixY(p, def, ymin, ymax, len(res.Cities)+2)
	return p, nil
}

// bandAlpha keeps overlapping CI bands readable: fainter with more cities.
func bandAlpha(cities int) uint8 {
	if cities <= 3 {
		return 0x38
	}
	return 0x18
}

// fixY makes shares, counts and rates start at zero and pads the top so the
// legend does not cover the data.
func fixY(p *plot.Plot, def indicators.Definition, ymin, ymax float64, legendN int) {
	if math.IsInf(ymin, 1) {
		p.Y.Min, p.Y.Max = 0, 1
		return
	}
	switch def.Kind {
	case "share", "count", "rate", "coverage":
		ymin = math.Min(0, ymin)
	}
	if ymax <= ymin {
		ymax = ymin + 1
	}
	p.Y.Min = ymin
	// Room at the top for the legend: about one text line per entry.
	pad := math.Min(1.2, math.Max(0.35, 0.08*float64(legendN)))
	p.Y.Max = ymax + pad*(ymax-ymin)
	if def.Kind == "share" && p.Y.Max > 1.2 && legendN <= 4 {
		p.Y.Max = 1.2
	}
	if def.Kind == "share" {
		// The room above 1 is for the legend: a share has no tick there.
		p.Y.Tick.Marker = plot.TickerFunc(func(min, max float64) []plot.Tick {
			var out []plot.Tick
			for _, t := range (plot.DefaultTicks{}).Ticks(min, math.Min(max, 1)) {
				if t.Value <= 1+1e-9 {
					out = append(out, t)
				}
			}
			return out
		})
	}
}

// BarChart compares cities in one month: one bar per city with its 95% CI
// as error bars; insufficient values are grey bars, undefined ones say
// "no data".
func BarChart(res *indicators.Result, indicator, month string) (*plot.Plot, error) {
	def, ok := indicators.Lookup(indicator)
	if !ok {
		return nil, fmt.Errorf("bar chart: unknown indicator %q", indicator)
	}
	p := newPlot(def.Title+", "+monthLabel(month), yLabel(def))
	p.Legend.Left = false
	p.X.Tick.Label.Font.Size = vg.Points(9)
	p.NominalX(res.Cities...)
	ymin, ymax := 0.0, math.Inf(-1)
	var noData plotter.XYLabels
	anyInsufficient := false
	for ci, city := range res.Cities {
		v, _ := res.Get(city, month, indicator)
		col, _ := cityStyle(ci)
		if math.IsNaN(v.Value) {
			noData.XYs = append(noData.XYs, plotter.XY{X: float64(ci), Y: 0})
			noData.Labels = append(noData.Labels, "no data")
			continue
		}
		bar, err := plotter.NewBarChart(plotter.Values{v.Value}, vg.Points(36))
		if err != nil {
			return nil, fmt.Errorf("bar chart %s: %w", indicator, err)
		}
		bar.XMin = float64(ci)
		bar.Color = col
		bar.LineStyle.Width = 0
		if v.Insufficient {
			bar.Color = translucent(grey, 0x80)
			anyInsufficient = true
		}
		p.Add(bar)
		if def.Kind != "coverage" {
			eb := &plotter.YErrorBars{XYs: plotter.XYs{{X: float64(ci), Y: v.Value}},
				YErrors:   plotter.YErrors{{Low: v.Value - v.CILow, High: v.CIHigh - v.Value}},
				LineStyle: draw.LineStyle{Color: color.Black, Width: vg.Points(1)}, CapWidth: vg.Points(10)}
			p.Add(eb)
		}
		ymin = math.Min(ymin, math.Min(v.Value, v.CILow))
		ymax = math.Max(ymax, math.Max(v.Value, v.CIHigh))
	}
	if len(noData.XYs) > 0 {
		l, err := plotter.NewLabels(noData)
		if err != nil {
			return nil, fmt.Errorf("bar chart %s: %w", indicator, err)
		}
		for i := range l.TextStyle {
			l.TextStyle[i].Color = grey
			l.TextStyle[i].XAlign = draw.XCenter
		}
		p.Add(l)
	}
	if anyInsufficient {
		b, _ := plotter.NewPolygon(plotter.XYs{})
		b.Color = translucent(grey, 0x80)
		b.LineStyle.Width = 0
		p.Legend.Add(fmt.Sprintf("grey: n < %d (insufficient)", res.Query.MinN), b)
	}
	if math.IsInf(ymax, -1) {
		ymax = 1
	}
	fixY(p, def, ymin, ymax, 1)
	p.X.Min, p.X.Max = -0.6, float64(len(res.Cities))-0.4
	return p, nil
}

// FiguresChart draws per city the number of public figures addressing
// xenophobia (solid) and promoting hostility (dashed) over time.
func FiguresChart(res *indicators.Result) (*plot.Plot, error) {
	p := newPlot("Public figures addressing xenophobia vs promoting hostility", "distinct figures")
	setMonthAxis(p, res.Months)
	ymax := 1.0
	for ci, city := range res.Cities {
		col, _ := cityStyle(ci)
		for _, k := range []struct {
			ind   string
			label string
			dash  []vg.Length
			glyph draw.GlyphDrawer
		}{
			{indicators.FiguresAddressing, "addressing xenophobia", nil, draw.CircleGlyph{}},
			{indicators.FiguresPromoting, "promoting hostility", []vg.Length{vg.Points(5), vg.Points(3)}, draw.TriangleGlyph{}},
		} {
			var thumbs []plot.Thumbnailer
			for _, run := range runs(series(res, city, k.ind)) {
				xys := make(plotter.XYs, len(run))
				for i, v := range run {
					xys[i] = plotter.XY{X: monthStart(v.Month), Y: v.Value}
					ymax = math.Max(ymax, v.Value)
				}
				line, err := plotter.NewLine(xys)
				if err != nil {
					return nil, fmt.Errorf("figures chart: %w", err)
				}
				line.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(1.5), Dashes: k.dash}
				s, _ := plotter.NewScatter(xys)
				s.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(2.5), Shape: k.glyph}
				p.Add(line, s)
				thumbs = []plot.Thumbnailer{line, s}
			}
			if thumbs != nil {
				p.Legend.Add(city+": "+k.label, thumbs...)
			}
		}
	}
	p.Y.Min, p.Y.Max = 0, ymax*math.Min(2.2, math.Max(1.5, 1+0.08*float64(2*len(res.Cities))))
	return p, nil
}

// render encodes p as "png" or "svg".
func render(p *plot.Plot, format string) ([]byte, error) {
	wt, err := p.WriterTo(chartW, chartH, format)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", format, err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("render %s: %w", format, err)
	}
	return buf.Bytes(), nil
}

func monthLabel(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return t.Format("January 2006")
}
