package figures

import (
	"testing"

	"github.com/xenoscope/xenoscope/config"
)

// The finder's version changes with its registry (who is recognised), and
// only with it: the same registry gives the same version.
func TestVersionFollowsRegistry(t *testing.T) {
	mk := func(reg map[string][]config.Figure) string {
		t.Helper()
		f, err := NewFinder(reg)
		if err != nil {
			t.Fatal(err)
		}
		return f.Version()
	}
	none := mk(nil)
	a := mk(map[string][]config.Figure{"Riverton": {{Name: "Ana Ruiz", Role: "Mayor"}}})
	a2 := mk(map[string][]config.Figure{"Riverton": {{Name: "Ana Ruiz", Role: "Mayor"}}})
	b := mk(map[string][]config.Figure{"Riverton": {{Name: "Ana Ruiz", Role: "Mayor", Aliases: []string{"A. Ruiz"}}}})
	c := mk(map[string][]config.Figure{"Riverton": {{Name: "Ana Ruiz", Role: "Mayor"}}, "Lakeside": nil})
	if a != a2 {
		t.Errorf("same registry, two versions: %s %s", a, a2)
	}
	if c != a {
		t.Errorf("a city without figures changed the version: %s %s (the store's registry has every city, the config only some)", c, a)
	}
	for _, v := range []string{none, b} {
		if v == a {
			t.Errorf("different registries share version %s", v)
		}
	}
	if none == b {
		t.Errorf("versions collide: none %s, alias %s", none, b)
	}
}
