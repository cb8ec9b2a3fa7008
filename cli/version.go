package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/store"
)

// Version is the release of xenoscope; a release build sets it with
// -ldflags "-X github.com/xenoscope/xenoscope/cli.Version=1.2.3".
var Version = "dev"

func init() {
	register("version", "print the xenoscope version, its commit, the scoring models and the database schema it writes", runVersion)
}

// versionInfo is what `xenoscope version` prints.
type versionInfo struct {
	Version  string `json:"version"`
	Commit   string `json:"commit"`      // "" when built outside a git checkout
	Time     string `json:"commit_time"` // RFC 3339
	Modified bool   `json:"modified"`    // built from a checkout with uncommitted changes
	Models   string `json:"models"`      // the version string of the embedded scoring models
	Schema   int    `json:"schema"`      // the database schema version this build writes
	Go       string `json:"go"`
	Platform string `json:"platform"`
}

// currentVersion is computed once per process (loading the models takes a
// fraction of a second).
var currentVersion = sync.OnceValues(readVersion)

func readVersion() (versionInfo, error) {
	v := versionInfo{Version: Version, Schema: store.SchemaVersion(), Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Commit = s.Value
			case "vcs.time":
				v.Time = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	s, err := analyze.New()
	if err != nil {
		return v, fmt.Errorf("load the scoring models: %w", err)
	}
	v.Models = s.Version()
	return v, nil
}

func runVersion(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "version", "[-format text|json]")
	format := newFormat(fs, false, "text", "json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	v, err := currentVersion()
	if err != nil {
		return err
	}
	if format.value == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	commit := "commit unknown: built without version control stamping (go run, or outside a git checkout)"
	if v.Commit != "" {
		commit = "commit " + v.Commit
		if len(v.Commit) > 12 {
			commit = "commit " + v.Commit[:12]
		}
		if v.Time != "" {
			commit += " of " + v.Time
		}
		if v.Modified {
			commit += ", with uncommitted changes"
		}
	}
	fmt.Fprintf(env.Stdout, "xenoscope %s (%s)\nscoring models  %s\ndatabase schema %d\n%s %s\n", v.Version, commit, v.Models, v.Schema, v.Go, v.Platform)
	return nil
}
