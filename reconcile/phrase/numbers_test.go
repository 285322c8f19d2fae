package phrase

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"84", []string{"84"}},
		{"nearly 100 people", []string{"100"}},
		{"at least 6,000", []string{"6,000"}},
		{"1.5 million", []string{"1.5 million"}},
		{"between 15 and 20", []string{"15", "20"}},
		{"15-20", []string{"15", "20"}},
		{"twenty-one", []string{"twenty-one"}},
		{"One hundred and twenty", []string{"One hundred and twenty"}},
		{"three thousand", []string{"three thousand"}},
		{"a dozen", []string{"dozen"}},
		{"dozens of people", []string{"dozens"}},
		{"hundreds of thousands", []string{"hundreds of thousands"}},
		{"one or two", []string{"one", "two"}},
		{"many people", nil},
		{"", nil},
		{"bread and butter", nil},
	} {
		if diff := cmp.Diff(c.want, Numbers(c.in)); diff != "" {
			t.Errorf("Numbers(%q) (-want +got):\n%s", c.in, diff)
		}
	}
}

func TestIsNumberWord(t *testing.T) {
	for _, w := range []string{"one", "Thirteen", "twenty", "hundred", "THOUSAND", "dozen", "dozens", "millions"} {
		if !IsNumberWord(w) {
			t.Errorf("IsNumberWord(%q) = false", w)
		}
	}
	for _, w := range []string{"", "a", "few", "several", "many", "people", "twenty-one", "onehundredthousandmillion"} {
		if IsNumberWord(w) {
			t.Errorf("IsNumberWord(%q) = true", w)
		}
	}
}
