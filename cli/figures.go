package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/figures"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

func init() {
	register("figures", "list public figures: mentions, statements by stance, strongest quote", runFigures)
}

var monthRe = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

func runFigures(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "figures", "-db xenoscope.db [-city NAME ...] [-month 2026-10] [-format table|csv|json] [-candidates | -also | -registered-only]\n"+
		"       xenoscope figures -find [-config F -city NAME] [-kind news|statements -speaker NAME] < text.txt")
	dbPath := dbFlag(fs, false)
	var cities stringList
	cityFlag(fs, &cities, "default: every city; with -find, the one city whose registry to use")
	month := fs.String("month", "", "only mentions and statements of this month (YYYY-MM)")
	format := newFormat(fs, false, "table", "csv", "json")
	cands := fs.Bool("candidates", false, "list only discovered (unregistered) persons, to review for the registry")
	regOnly := registeredOnlyFlag(fs)
	also := fs.Bool("also", false, "list the figures quoted but not counted as the city's: from elsewhere (wire stories) or mentioned in too few local documents")
	minMentions := fs.Int("min-mentions", 0, "keep figures with at least this many mentions (or -min-statements); with -candidates the default is 3")
	minStatements := fs.Int("min-statements", 0, "keep figures with at least this many attributed statements (or -min-mentions); with -candidates the default is 1")
	cfgPath := configFlag(fs, "sync its [[city.figure]] registry into -db first; with -find, the registry to recognise")
	find := fs.Bool("find", false, "read a text on stdin and print its person mentions and attributed quotes as JSON")
	kind := fs.String("kind", model.KindNews, "with -find: the source kind ("+strings.ReplaceAll(model.SourceKindNames(), `"`, "")+")")
	speaker := fs.String("speaker", "", "with -find and -kind statements: the speaker who owns the text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	var cfg *config.Config
	if *cfgPath != "" {
		var err error
		if cfg, err = loadConfig(*cfgPath); err != nil {
			return err
		}
	}
	if *find {
		if len(cities) > 1 {
			return usageErr("-find reads one text of one city", "-find takes one -city, got %d", len(cities))
		}
		city := ""
		if len(cities) == 1 {
			city = cities[0]
		}
		return runFind(env, cfg, model.TextContext{City: city, Kind: *kind, Speaker: *speaker})
	}
	if *dbPath == "" {
		return usageErr("example: xenoscope figures -db xenoscope.db -city Leeds -month 2026-10", "figures needs -db")
	}
	if *month != "" && !monthRe.MatchString(*month) {
		return usageErr("write the month like 2026-10", "-month %q is not a month", *month)
	}
	open := openRead // a listing only reads; syncing the config's registry writes
	if cfg != nil {
		open = openExisting
	}
	db, err := open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkCities(ctx, db, cities); err != nil {
		return err
	}
	if cfg != nil {
		if err := db.SyncRegistry(ctx, cfg.Specs()); err != nil {
			return err
		}
	}
	f := store.FigureFilter{Cities: cities, Month: *month, Candidates: *cands, MinMentions: *minMentions, MinStatements: *minStatements}
	switch {
	case *cands:
		f.Scope = "all" // the review list: every discovered person
	case *also:
		f.Scope = "also"
	case *regOnly:
		f.Scope = "registered"
	}
	if *cands && f.MinMentions == 0 && f.MinStatements == 0 {
		f.MinMentions, f.MinStatements = 3, 1
	}
	rows, err := db.FigureSummaries(ctx, f)
	if err != nil {
		return err
	}
	return writeFigures(env.Stdout, format.value, rows)
}

func writeFigures(w io.Writer, format string, rows []store.FigureSummary) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if rows == nil {
			rows = []store.FigureSummary{}
		}
		return enc.Encode(rows)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"city", "name", "role", "party", "registered", "aliases", "mentions", "documents", "statements",
			"counter_speech", "anti_migrant", "neither", "top_stance", "top_score", "top_quote", "top_url"})
		for _, r := range rows {
			cw.Write([]string{safeCell(r.City), safeCell(r.Name), safeCell(r.Role), safeCell(r.Party), strconv.FormatBool(r.Registered),
				safeCell(r.Aliases), strconv.Itoa(r.Mentions), strconv.Itoa(r.Documents), strconv.Itoa(r.Statements), strconv.Itoa(r.Counter),
				strconv.Itoa(r.Anti), strconv.Itoa(r.Neither), r.TopStance, strconv.FormatFloat(r.TopScore, 'f', 3, 64),
				safeCell(r.TopQuote), safeCell(r.TopURL)})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CITY\tFIGURE\tROLE\tREG\tMENTIONS\tSTATEMENTS\tCOUNTER\tANTI\tNEITHER\tSTRONGEST QUOTE\tURL")
	for _, r := range rows {
		reg := "no"
		if r.Registered {
			reg = "yes"
		}
		q := r.TopQuote
		if len([]rune(q)) > 70 {
			q = string([]rune(q)[:69]) + "…"
		}
		if q != "" {
			q = fmt.Sprintf("%q (%s %.2f)", q, r.TopStance, r.TopScore)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", r.City, r.Name, r.Role, reg, r.Mentions, r.Statements,
			r.Counter, r.Anti, r.Neither, q, r.TopURL)
	}
	if len(rows) == 0 {
		fmt.Fprintln(tw, "(no figures with mentions or statements match)")
	}
	return tw.Flush()
}

func runFind(env *Env, cfg *config.Config, tc model.TextContext) error {
	if _, ok := model.LookupSourceKind(tc.Kind); !ok {
		return usageErr("use -kind "+strings.ReplaceAll(model.SourceKindNames(), `"`, ""), "unknown kind %q", tc.Kind)
	}
	b, err := io.ReadAll(env.Stdin)
	if err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	if strings.TrimSpace(string(b)) == "" {
		return usageErr("example: xenoscope figures -find < article.txt", "no text on stdin")
	}
	f, err := figures.NewFinderFromConfig(cfg)
	if err != nil {
		return err
	}
	ms, qs := f.Find(string(b), tc)
	if ms == nil {
		ms = []model.Mention{}
	}
	if qs == nil {
		qs = []model.Quote{}
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Mentions []model.Mention `json:"mentions"`
		Quotes   []model.Quote   `json:"quotes"`
	}{ms, qs})
}
