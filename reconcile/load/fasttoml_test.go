package load

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/crosscheck/crosscheck/internal/tools/gencorpus/gen"
)

// sameAsDecoder fails t unless fastDecode either gives up on src or gives
// exactly what toml.Decode gives: same types, same values, dates in the
// same location, and the index indexPositions builds.
func sameAsDecoder(t *testing.T, src string) (fast bool) {
	t.Helper()
	got, idx, ok := fastDecode(src)
	if !ok {
		return false
	}
	if diff := cmp.Diff(indexPositions(src), idx, cmp.AllowUnexported(posIndex{}, tableAt{}, at{}, keyed[at]{}, keyedPair[at]{}), cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("fastDecode's index differs from indexPositions' (-want +got):\n%s\ninput:\n%s", diff, src)
	}
	var want map[string]any
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("fastDecode accepted what toml.Decode rejects (%v):\n%s", err, src)
	}
	sameTime := cmp.Comparer(func(a, b time.Time) bool {
		return a.Equal(b) && a.Location().String() == b.Location().String()
	})
	if diff := cmp.Diff(want, asMaps(got), sameTime); diff != "" {
		t.Fatalf("fastDecode differs from toml.Decode (-want +got):\n%s\ninput:\n%s", diff, src)
	}
	return true
}

// asMaps is a decoded file with its tables as the maps toml.Decode makes.
func asMaps(root map[string]any) map[string]any {
	asMap := func(f *fields) map[string]any {
		m := make(map[string]any, f.len())
		for _, kv := range f.list {
			m[kv.key] = kv.val
		}
		return m
	}
	out := make(map[string]any, len(root))
	for k, v := range root {
		switch v := v.(type) {
		case *fields:
			out[k] = asMap(v)
		case []*fields:
			ms := make([]map[string]any, len(v))
			for i, f := range v {
				ms[i] = asMap(f)
			}
			out[k] = ms
		default:
			out[k] = v
		}
	}
	return out
}

var fastSeeds = []string{
	"",
	"\n\n# only a comment\n",
	"a = 1\nb = -0\nc = +12\nd = 2024-02-29\ne = true\nf = false\n",
	"a = 01\n",
	"a = 2023-02-29\n",
	"a = 2024-01-01T10:00:00\n",
	"a = 2024-01-01 10:00:00\n",
	"a = 1.5\n",
	"a = 1_000\n",
	"a = 0x10\n",
	"a = 99999999999999999999\n",
	"a = 999999999999999999\n",
	"a = \"x\"\na = \"y\"\n",
	"[t]\na = 1\n[t]\nb = 2\n",
	"[[t]]\na = 1\n[[t]]\na = 2\n[u]\n[[u]]\n",
	"t = 1\n[t]\n",
	"t = [1]\n[[t]]\n",
	"[ t ]\n[[ u ]] # c\nk\t=\t'lit \" eral'\n",
	"a = \"tab\tin\"\nb = \"esc \\\" \\\\ \\n \\t \\b \\f \\r \\u00e9 \\U0001F600\"\n",
	"a = \"bad \\x41\"\n",
	"a = \"bad \\e\"\n",
	"a = \"surrogate \\uD800\"\n",
	"a = \"ctl \x01\"\n",
	"a = \"\"\"multi\nline\"\"\"\n",
	"a = '''multi\nline'''\n",
	"a = [\n  \"x\", # c\n  'y',\n  3, 2024-01-01, true,\n]\nb = []\nc = [ ]\n",
	"a = [[1], [2]]\n",
	"a = [{x = 1}]\n",
	"a = {x = 1}\n",
	"a.b = 1\n",
	"\"a\" = 1\n",
	"a = 1 # trailing\r\nb = 2\r\n",
	"a = 1\rb = 2\n",
	"a = 1 b = 2\n",
	"[a.b]\n",
	"[a]]\n",
	"[[a]\n",
	"a =\n",
	"= 1\n",
	"a = truex\n",
	"a = \"unterminated\n",
	"\ufeffa = 1\n",
	"a = 1 # \x7f\n",
	"a = nan\n",
	"a = inf\n",
	"a = -\n",
	"a = 0000-01-01\n",
	"a = 2024-1-01\n",
}

func TestFastDecodeAgrees(t *testing.T) {
	for _, s := range fastSeeds {
		sameAsDecoder(t, s)
	}
}

// TestFastDecodeCovers keeps the fast path in use: every file gencorpus
// writes but the settings (whose approximation is a float) is in the
// subset, and the test corpus decodes alike either way.
func TestFastDecodeCovers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := gen.Generate(gen.Config{Sources: 60, ClaimsPerSource: 10, Seed: 3, Out: dir}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, root := range []string{dir, "testdata/good"} {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || !strings.HasSuffix(path, ".toml") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if !sameAsDecoder(t, string(data)) && root == dir && d.Name() != SettingsFile {
				t.Errorf("%s: fastDecode gave up", path)
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 60 {
		t.Fatalf("only %d files", n)
	}
}

// FuzzFastDecode holds fastDecode to toml.Decode: whatever it accepts, it
// must decode exactly as toml.Decode does.
//
//	go test ./reconcile/load -run '^$' -fuzz FuzzFastDecode -fuzztime 60s
func FuzzFastDecode(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	for _, path := range []string{"testdata/good/sources/aei.toml", "testdata/good/sources/irna-2024-01-04.toml", "testdata/good/vocabulary/vocabulary.toml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<16 || strings.Count(src, "[") > 64 || !utf8.ValidString(src) {
			return // parseFile refuses these before decoding
		}
		sameAsDecoder(t, src)
	})
}

// eachWord and eachNumber find what the regular expressions they stand
// for find.
func TestWordAndNumberScanners(t *testing.T) {
	wordRE := regexp.MustCompile(`[\p{L}\p{N}]+`)
	digitRE := regexp.MustCompile(`\d[\d,]*\d|\d`)
	inputs := []string{"", "a", "1", "1,", ",1", "1,,2,", "12,345 and 6", "at least 91 people, 1,000.5", "naïve café ½ ٣٤ x²", "\xff1\xfe2", "a\u00a0b", "1,2,3,,4,a,5", "dozens—84—91"}
	rng := rand.New(rand.NewPCG(5, 5))
	alphabet := []string{"1", "9", ",", " ", "a", "é", "٣", "\xff", "-", "."}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		var words, numbers []string
		eachWord(s, func(w string) bool { words = append(words, w); return true })
		eachNumber(s, func(d string) bool { numbers = append(numbers, d); return true })
		if want := wordRE.FindAllString(s, -1); !slices.Equal(words, want) {
			t.Fatalf("words of %q: %q, want %q", s, words, want)
		}
		if want := digitRE.FindAllString(s, -1); !slices.Equal(numbers, want) {
			t.Fatalf("numbers of %q: %q, want %q", s, numbers, want)
		}
	}
}
