// Package shareddata locates ../shared/data beside the repository for tests
// and benchmarks, and skips cleanly when it is absent (a user's fresh clone).
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the repository root (the directory holding go.mod), found by
// walking up from the working directory.
func Root() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Path returns the path of ../shared/data/<parts...> relative to the repository
// root, or "" when it does not exist. XENOSCOPE_SHARED overrides the location
// of the data folder.
func Path(parts ...string) string {
	base := os.Getenv("XENOSCOPE_SHARED")
	if base == "" {
		root, ok := Root()
		if !ok {
			return ""
		}
		base = filepath.Join(root, "..", "shared", "data")
	}
	p := filepath.Join(append([]string{base}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Require returns Path(parts...) or skips tb with a clear message.
func Require(tb testing.TB, parts ...string) string {
	tb.Helper()
	p := Path(parts...)
	if p == "" {
		tb.Skipf("shared data %s not found beside the repository (../shared/data); skipping", filepath.Join(parts...))
	}
	return p
}
