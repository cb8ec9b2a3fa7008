package cli

// The flags and output conventions every command shares. A command declares
// -db, -config, -city, -from/-to and -format through these helpers, so that
// each flag has one name, one help text and one error text everywhere:
//
//   - -db FILE: the SQLite database. Reading commands refuse a missing file
//     (openExisting); crawl, run and schedule create it.
//   - -config FILE: the TOML config of cities, sources and figures.
//   - -city NAME: repeatable in every command that takes it; a city the
//     database (or the config) does not know is one error: `unknown city
//     "X"` with a hint listing the known cities (unknownCity).
//   - -from/-to YYYY-MM: the month range, inclusive; default: the last 24
//     complete months plus the month being collected (see
//     indicators.Query).
//   - -format: the output format of a data command. Tables and text are for
//     people; csv, json and jsonl are for programs, with the same snake_case
//     names as CSV columns and JSON keys. -json, where a command had it
//     before, is kept as a synonym of -format json.

import (
	"context"
	"flag"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xenoscope/xenoscope/store"
)

// dbFlag declares -db. creates says whether the command creates a missing
// database (crawl, run) or refuses it (every reading command).
func dbFlag(fs *flag.FlagSet, creates bool) *string {
	help := "the SQLite database (required; must exist)"
	if creates {
		help = "the SQLite database (required; created if missing)"
	}
	return fs.String("db", "", help)
}

// configFlag declares -config with the command's use of it.
func configFlag(fs *flag.FlagSet, use string) *string {
	return fs.String("config", "", "the TOML config of cities, sources and figures: "+use)
}

// stringList is a repeatable string flag (-city A -city B).
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// cityFlag declares the repeatable -city.
func cityFlag(fs *flag.FlagSet, cities *stringList, what string) {
	fs.Var(cities, "city", "only this city (repeatable: -city A -city B); "+what)
}

// unknownCity is the one error for a city name nobody knows.
func unknownCity(name string, known []string) error {
	hint := "no cities are known yet: crawl first"
	if len(known) > 0 {
		hint = "known cities: " + strings.Join(known, ", ")
	}
	return usageErr(hint, "unknown city %q", name)
}

// checkCities returns unknownCity for the first of cities the database does
// not hold.
func checkCities(ctx context.Context, db *store.DB, cities []string) error {
	if len(cities) == 0 {
		return nil
	}
	known, err := db.CityNames(ctx)
	if err != nil {
		return err
	}
	for _, c := range cities {
		if !slices.Contains(known, c) {
			return unknownCity(c, known)
		}
	}
	return nil
}

// openForCities opens an existing database read-only (openRead) and checks
// the -city names against it (unknownCity), closing it again on an error.
func openForCities(ctx context.Context, path string, cities []string) (*store.DB, error) {
	db, err := openRead(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := checkCities(ctx, db, cities); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

var monthPattern = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

// rangeFlags are -from and -to.
type rangeFlags struct{ from, to string }

func (r *rangeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&r.from, "from", "", "first month, YYYY-MM (default: 24 complete months before the last one)")
	fs.StringVar(&r.to, "to", "", "last month, YYYY-MM (default: the latest month with documents; drawn as partial while it is still being collected)")
}

// check validates the months as the user typed them.
func (r *rangeFlags) check() error {
	for _, m := range []struct{ flag, v string }{{"-from", r.from}, {"-to", r.to}} {
		if m.v != "" && !monthRe.MatchString(m.v) {
			return usageErr("write months like 2026-01", "%s %q is not YYYY-MM", m.flag, m.v)
		}
	}
	if r.from != "" && r.to != "" && r.from > r.to {
		return usageErr("", "-from %s is after -to %s", r.from, r.to)
	}
	return nil
}

// formatFlag is -format with a fixed set of values; a value outside it is a
// flag error (exit 1 with a hint).
type formatFlag struct {
	value   string
	allowed []string
}

func (f *formatFlag) String() string { return f.value }

func (f *formatFlag) Set(v string) error {
	if !slices.Contains(f.allowed, v) {
		return fmt.Errorf("unknown format %q (use %s)", v, strings.Join(f.allowed, ", "))
	}
	f.value = v
	return nil
}

// newFormat declares -format with its default first in allowed. When
// jsonAlias is set, -json is declared too as a synonym of -format json
// (commands that had -json keep it).
func newFormat(fs *flag.FlagSet, jsonAlias bool, allowed ...string) *formatFlag {
	f := &formatFlag{value: allowed[0], allowed: allowed}
	fs.Var(f, "format", "output format: "+strings.Join(allowed, ", ")+" (default "+allowed[0]+")")
	if jsonAlias && slices.Contains(allowed, "json") {
		fs.BoolFunc("json", "same as -format json", func(string) error { f.value = "json"; return nil })
	}
	return f
}

// registeredOnlyFlag declares -registered-only: count only the registry's
// figures ([[city.figure]]) where figures are counted (figures, the figure
// indicators, the report). The config's registered_figures_only does the
// same per city.
func registeredOnlyFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("registered-only", false, "count only the registered figures ([[city.figure]]); also: registered_figures_only in a city's config")
}

// noArgs refuses positional arguments.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return usageErr("flags start with -; run 'xenoscope "+fs.Name()+" -h' for usage", "%s takes no arguments, got %q", fs.Name(), fs.Args())
	}
	return nil
}
