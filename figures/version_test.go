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
	for _, v := range []string{none, b, c} {
		if v == a {
			t.Errorf("different registries share version %s", v)
		}
	}
	if b == c || none == b || none == c {
		t.Errorf("versions collide: none %s, alias %s, city %s", none, b, c)
	}
}
