package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/store"
)

func init() {
	register("cities", "list the cities in the database with their counts; rename one (-rename OLD NEW)", runCities)
}

func runCities(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "cities", "-db xenoscope.db [-format table|csv|json] [-config cities.toml]\n       xenoscope cities -db xenoscope.db -rename OLD NEW")
	dbPath := dbFlag(fs, false)
	rename := fs.String("rename", "", "rename the city OLD (this flag's value) to NEW (the argument after it), keeping its sources, documents, scores and figures")
	cfgPath := configFlag(fs, "optional; warn about source URLs that two cities share")
	format := newFormat(fs, false, "table", "csv", "json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *rename == "" {
		if err := noArgs(fs); err != nil {
			return err
		}
	} else if fs.NArg() != 1 {
		return usageErr("example: xenoscope cities -db xenoscope.db -rename Springfeld Springfield", "-rename OLD needs exactly one NEW name after it, got %d arguments", fs.NArg())
	}
	if *dbPath == "" {
		return usageErr("example: xenoscope cities -db xenoscope.db", "cities needs -db")
	}
	var cfg *config.Config
	if *cfgPath != "" {
		var err error
		if cfg, err = loadConfig(*cfgPath); err != nil {
			return err
		}
		warnSharedSources(env.Stderr, cfg)
	}
	open := openRead // listing only reads; -rename writes
	if *rename != "" {
		open = openExisting
	}
	db, err := open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if *rename != "" {
		newName := fs.Arg(0)
		err := db.RenameCity(ctx, *rename, newName)
		switch {
		case errors.Is(err, store.ErrNotFound):
			known, _ := db.CityNames(ctx)
			return unknownCity(*rename, known)
		case errors.Is(err, store.ErrExists):
			return usageErr("two cities are not merged; choose another name", "city %q already exists", newName)
		case err != nil:
			return err
		}
		fmt.Fprintf(env.Stdout, "renamed city %q to %q: its sources, documents, scores and figures stay with it\n", *rename, newName)
		if cfg == nil {
			fmt.Fprintf(env.Stderr, "warning: rename the city in your config file too, or the next crawl creates %q again as a new city\n", *rename)
		} else if _, ok := cfg.City(*rename); ok {
			fmt.Fprintf(env.Stderr, "warning: %s still lists %q: rename it there, or the next crawl creates it again as a new city\n", cfg.Path, *rename)
		}
		return nil
	}
	cities, err := db.CitySummaries(ctx)
	if err != nil {
		return err
	}
	return writeCities(env.Stdout, format.value, cities)
}

func writeCities(w io.Writer, format string, cities []store.CitySummary) error {
	switch format {
	case "json":
		if cities == nil {
			cities = []store.CitySummary{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(cities)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"city", "country", "sources", "documents", "figures", "first_fetched", "last_fetched"})
		for _, c := range cities {
			cw.Write([]string{safeCell(c.Name), safeCell(c.Country), strconv.Itoa(c.Sources), strconv.Itoa(c.Documents),
				strconv.Itoa(c.Figures), c.FirstFetched, c.LastFetched})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "city\tcountry\tsources\tdocuments\tfigures\tfirst fetched\tlast fetched")
	for _, c := range cities {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%s\n", c.Name, c.Country, c.Sources, c.Documents, c.Figures, c.FirstFetched, c.LastFetched)
	}
	if len(cities) == 0 {
		fmt.Fprintln(tw, "(no cities yet: crawl first)")
	}
	return tw.Flush()
}

// sharedSources lists the feed, sitemap and seed URLs (canonical) that
// sources of two different cities both name. The crawler stores a URL once,
// for the first source that reaches it, so the other city gets nothing from
// it: "URL: City A / Source, City B / Source".
func sharedSources(cfg *config.Config) []string {
	owners := map[string][]string{}
	for _, c := range cfg.Cities {
		for _, s := range c.Sources {
			seen := map[string]bool{}
			for _, list := range [][]config.URL{s.Feeds, s.Sitemaps, s.Seeds} {
				for _, u := range list {
					key, ok := crawl.Canonical(string(u), nil)
					if !ok {
						key = string(u)
					}
					if !seen[key] {
						seen[key] = true
						owners[key] = append(owners[key], c.Name+" / "+s.Name)
					}
				}
			}
		}
	}
	var out []string
	for u, who := range owners {
		cities := map[string]bool{}
		for _, w := range who {
			cities[strings.SplitN(w, " / ", 2)[0]] = true
		}
		if len(cities) > 1 {
			out = append(out, u+": "+strings.Join(who, ", "))
		}
	}
	sort.Strings(out)
	return out
}

// warnSharedSources prints one warning per URL that two cities share.
func warnSharedSources(w io.Writer, cfg *config.Config) {
	for _, s := range sharedSources(cfg) {
		fmt.Fprintf(w, "warning: two cities share a source URL, and a URL is stored once, for the first source that reaches it: %s\n", s)
	}
}
