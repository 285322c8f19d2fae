package load

import (
	"encoding/binary"
	"hash/crc32"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/internal/tools/gencorpus/gen"
	"github.com/crosscheck/crosscheck/reconcile"
)

// generated writes a small generated corpus with a verdict file, and
// returns its directory.
func generated(t *testing.T, sources int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "claims")
	if _, err := gen.Generate(gen.Config{Sources: sources, ClaimsPerSource: 8, Seed: 5, Out: dir, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "verdicts.toml"), verdictFile("at least 1"))
	return dir
}

func verdictFile(established string) string {
	return "[[verdict]]\nevent = \"ev-00001\"\nproperty = \"deaths\"\nestablished = \"" + established + "\"\nreason = \"the record\"\nrejects = \"s000001\"\n"
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceCacheFile puts data in place of a cache file as a new file renamed
// over it: an earlier load in this process may still have the old one
// mapped, and truncating that in place would pull the bytes from under
// what it decoded.
func replaceCacheFile(t *testing.T, path string, data []byte) {
	t.Helper()
	tmp := path + ".damaged"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, path string, f func(string) string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := f(string(data))
	if out == string(data) {
		t.Fatalf("editing %s changed nothing", path)
	}
	write(t, path, out)
}

// sameAsUncached loads dir with the cache and without, and fails t unless
// both give the same corpus. It returns what the cache did.
func sameAsUncached(t *testing.T, dir, cache string) CacheStats {
	t.Helper()
	want, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := LoadWith(dir, Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	sameLoaded(t, want, got)
	return got.Cache
}

func sameLoaded(t *testing.T, want, got *Loaded) {
	t.Helper()
	ignore := cmp.Comparer(func(a, b reconcile.Hierarchy) bool { return true })
	if diff := cmp.Diff(want.Corpus, got.Corpus, ignore); diff != "" {
		t.Fatalf("with the cache, the corpus differs (-without +with):\n%s", diff)
	}
	if want.ClaimCount != got.ClaimCount || want.Options != got.Options || want.Publisher != got.Publisher {
		t.Fatalf("with the cache: %d claims, %+v, %+v; without: %d, %+v, %+v",
			got.ClaimCount, got.Options, got.Publisher, want.ClaimCount, want.Options, want.Publisher)
	}
}

// later makes the runs of a test happen an hour after now, as if the
// files it wrote had been written long before: their stamps are settled
// and trusted (see stamp.go).
func later(t *testing.T) {
	t.Helper()
	setClock(t, func() time.Time { return time.Now().Add(time.Hour) })
}

// frozen makes every run of a test happen at the moment it is called, so
// that no stamp taken from then on is ever settled, however slow the
// machine running the test.
func frozen(t *testing.T) {
	t.Helper()
	now := time.Now()
	setClock(t, func() time.Time { return now })
}

func setClock(t *testing.T, f func() time.Time) {
	t.Helper()
	clock = f
	t.Cleanup(func() { clock = time.Now })
}

// TestCacheInvalidation changes each thing a cached result depends on in
// turn, and checks that the cached run equals an uncached one each time,
// and that only what changed was worked out again. It does so twice: with
// each run straight after the change, when stamps cannot be trusted and
// every file is read and hashed, and with runs an hour later, when files
// whose stamps hold are not read at all (where stamps are known).
func TestCacheInvalidation(t *testing.T) {
	t.Run("now", func(t *testing.T) { testCacheInvalidation(t, frozen, false) })
	t.Run("later", func(t *testing.T) { testCacheInvalidation(t, later, stampsKnown) })
}

func testCacheInvalidation(t *testing.T, when func(*testing.T), settled bool) {
	dir := generated(t, 40)
	when(t)
	cache := t.TempDir()
	src := filepath.Join(dir, "sources", "0000", "s000003.toml")
	text := filepath.Join(dir, "texts", "0000", "s000003.txt")
	if _, err := os.Stat(text); err != nil {
		t.Fatal(err) // the generator gave s000003 no text; pick another
	}

	st := sameAsUncached(t, dir, cache)
	if st.Reused != 0 || st.Resolved != 40 || st.Written == 0 {
		t.Fatalf("first run: %+v", st)
	}
	if st = sameAsUncached(t, dir, cache); st.Reused != 40 || st.Resolved != 0 || st.Written != 0 {
		t.Fatalf("unchanged corpus: %+v", st)
	}
	// Later, no unchanged file is read; straight after writing, all are.
	if unread := st.Unread; settled != (unread == 40) || !settled && unread != 0 {
		t.Fatalf("unchanged corpus: %d of 40 source files not read (%+v)", unread, st)
	}
	if settled != (st.TextsUnread > 0) {
		t.Fatalf("unchanged corpus: %d texts not read (%+v)", st.TextsUnread, st)
	}

	steps := []struct {
		name         string
		change       func()
		reused       int // sources taken from the cache after the change
		resolved     int
		problemsWant string // a problem the change must bring, "" for none
	}{
		{"a source's claim", func() {
			edit(t, src, func(s string) string { return strings.Replace(s, "[[claim]]", "[[claim]]\nnote = \"edited\"", 1) })
		}, 39, 1, ""},
		{"a source's quote", func() {
			edit(t, src, func(s string) string { return strings.Replace(s, "quote = \"", "quote = \"not in the text ", 1) })
		}, 39, 1, "quote not found"},
		{"its archived text", func() {
			edit(t, text, func(s string) string { return "Prefix. " + s })
		}, 39, 1, ""},
		{"its archived text, gone", func() {
			if err := os.Rename(text, text+".bak"); err != nil {
				t.Fatal(err)
			}
		}, 39, 1, "cannot be read"},
		{"its archived text, back", func() {
			if err := os.Rename(text+".bak", text); err != nil {
				t.Fatal(err)
			}
		}, 39, 1, ""},
		{"a new source", func() {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "sources", "0000", "added.toml"), strings.ReplaceAll(string(data), "id = \"", "id = \"added-"))
		}, 40, 1, ""},
		{"a removed source", func() {
			if err := os.Remove(filepath.Join(dir, "sources", "0000", "added.toml")); err != nil {
				t.Fatal(err)
			}
		}, 40, 0, ""},
		{"the vocabulary", func() {
			edit(t, filepath.Join(dir, "vocabulary", "properties.toml"), func(s string) string {
				return strings.Replace(s, "id = \"deaths\"\nname = \"Deaths\"\nkind = \"count\"\ncumulative = true", "id = \"deaths\"\nname = \"Deaths\"\nkind = \"count\"", 1)
			})
		}, 0, 40, ""},
		{"a verdict", func() {
			write(t, filepath.Join(dir, "verdicts.toml"), verdictFile("at least 2"))
		}, 40, 0, ""},
		{"crosscheck.toml", func() {
			edit(t, filepath.Join(dir, SettingsFile), func(s string) string { return strings.Replace(s, "approximation = 0.10", "approximation = 0.25", 1) })
		}, 0, 40, ""},
	}
	for _, step := range steps {
		step.change()
		st := sameAsUncached(t, dir, cache)
		if st.Reused != step.reused || st.Resolved != step.resolved || st.Damaged != 0 {
			t.Errorf("after changing %s: %+v, want %d reused and %d resolved", step.name, st, step.reused, step.resolved)
		}
		if settled && step.reused > 0 && st.Unread != step.reused {
			t.Errorf("after changing %s: %d source files not read, want all %d reused ones (%+v)", step.name, st.Unread, step.reused, st)
		}
		if step.problemsWant != "" {
			l, _ := LoadWith(dir, Options{CacheDir: cache})
			found := false
			for _, p := range l.Problems {
				found = found || strings.Contains(p.Message, step.problemsWant)
			}
			if !found {
				t.Errorf("after changing %s, no problem says %q", step.name, step.problemsWant)
			}
		}
	}
}

// The directory as given starts every Pos.File, so the same corpus named
// two ways keeps two caches, each right.
func TestCacheDirectoryPrefix(t *testing.T) {
	dir := generated(t, 12)
	cache := t.TempDir()
	t.Chdir(filepath.Dir(dir))
	for _, name := range []string{"claims", "./claims/", dir, "claims"} {
		sameAsUncached(t, name, cache)
	}
	if st := sameAsUncached(t, "claims", cache); st.Reused != 12 {
		t.Errorf("third run as claims: %+v", st)
	}
}

// A cache file that cannot be trusted is noticed, ignored and rewritten,
// and the run's result is still right.
func TestCacheDamaged(t *testing.T) {
	dir := generated(t, 30)
	cache := t.TempDir()
	sameAsUncached(t, dir, cache)
	shards, _ := filepath.Glob(filepath.Join(cache, "*", "shard-*.bin"))
	if len(shards) == 0 {
		t.Fatal("no cache files")
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for _, damage := range []struct {
		name string
		f    func([]byte) []byte
	}{
		{"random bytes", func(b []byte) []byte {
			out := make([]byte, len(b))
			for i := range out {
				out[i] = byte(rng.Uint32())
			}
			return out
		}},
		{"truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"truncated to nothing", func(b []byte) []byte { return nil }},
		{"one bit flipped", func(b []byte) []byte { b[len(b)/3] ^= 4; return b }},
		{"another format", func(b []byte) []byte {
			binary.LittleEndian.PutUint32(b[8:], cacheFormat+1)
			// With a checksum that fits, so only the version tells.
			body := b[:len(b)-4]
			binary.LittleEndian.PutUint32(b[len(b)-4:], crcOf(body))
			return b
		}},
		{"another shard's content", func(b []byte) []byte {
			// Whole and consistent, but not this shard: its name says
			// where it belongs.
			binary.LittleEndian.PutUint32(b[16:], binary.LittleEndian.Uint32(b[16:])+1)
			binary.LittleEndian.PutUint32(b[len(b)-4:], crcOf(b[:len(b)-4]))
			return b
		}},
	} {
		for _, shard := range shards {
			data, err := os.ReadFile(shard)
			if err != nil {
				t.Fatal(err)
			}
			replaceCacheFile(t, shard, damage.f(data))
		}
		st := sameAsUncached(t, dir, cache)
		if st.Reused == 30 || st.Written == 0 {
			t.Errorf("%s: %+v; want the damage noticed and the cache rewritten", damage.name, st)
		}
		if st := sameAsUncached(t, dir, cache); st.Reused != 30 || st.Damaged != 0 {
			t.Errorf("%s: the run after: %+v, want a whole cache again", damage.name, st)
		}
	}
}

func crcOf(b []byte) uint32 { return crc32.Checksum(b, castagnoli) }

// Runs sharing a cache directory at the same time each get the right
// result, whatever the other wrote meanwhile.
func TestCacheConcurrentRuns(t *testing.T) {
	dir := generated(t, 30)
	cache := t.TempDir()
	want, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for round := range 4 {
		if round > 0 {
			// Something for every run to write.
			edit(t, filepath.Join(dir, "sources", "0000", "s000002.toml"), func(s string) string {
				return s + "# another round\n"
			})
			if want, err = Load(dir); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		results := make([]*Loaded, 4)
		for i := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i], _ = LoadWith(dir, Options{CacheDir: cache})
			}()
		}
		wg.Wait()
		for _, got := range results {
			if got == nil {
				t.Fatal("a run failed")
			}
			sameLoaded(t, want, got)
			if got.Cache.Damaged != 0 {
				t.Errorf("round %d: a run saw a damaged cache file: %+v", round, got.Cache)
			}
		}
	}
	if st := sameAsUncached(t, dir, cache); st.Reused != 30 {
		t.Errorf("after the concurrent runs: %+v", st)
	}
}

// A cache directory that cannot be made is no cache, not an error.
func TestCacheUnusable(t *testing.T) {
	dir := generated(t, 5)
	blocked := filepath.Join(t.TempDir(), "file")
	write(t, blocked, "not a directory")
	got, err := LoadWith(dir, Options{CacheDir: filepath.Join(blocked, "cache")})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Load(dir)
	sameLoaded(t, want, got)
	if got.Cache != (CacheStats{}) {
		t.Errorf("%+v", got.Cache)
	}
}

// The cache holds every kind of problem and claim the error families
// produce, and gives them back as they were.
func TestCacheErrorFamilies(t *testing.T) {
	for _, name := range errorFamilies {
		t.Run(name, func(t *testing.T) {
			dir := corpus(t, name)
			cache := t.TempDir()
			sameAsUncached(t, dir, cache)
			if st := sameAsUncached(t, dir, cache); st.Resolved != 0 {
				t.Errorf("second run: %+v", st)
			}
		})
	}
	cache := t.TempDir()
	for range 2 {
		sameAsUncached(t, "testdata/good", cache)
	}
}

// Claims are laid out by how many [[claim]] headers each file seems to
// have; files that have more (inline tables) or fewer (a header inside a
// string) claims than that still load whole, in order.
func TestClaimsBeyondEstimate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "claims")
	copyDir(t, "testdata/good", dir)
	write(t, filepath.Join(dir, "sources", "inline.toml"), `claim = [
  {event = "kerman-bombing-2024", property = "deaths", value = "84", quote = "84 killed"},
  {event = "kerman-bombing-2024", property = "deaths", value = "at least 84", quote = "at least 84 killed"},
]

[source]
title = "Inline"
published = "2024-01-05"
`)
	write(t, filepath.Join(dir, "sources", "mention.toml"), `[source]
title = "Mentions [[claim]] twice: [[claim]]"
published = "2024-01-05"

[[claim]]
event = "kerman-bombing-2024"
property = "deaths"
value = "84"
quote = "84 killed"
`)
	for _, cache := range []string{"", t.TempDir()} {
		l, err := LoadWith(dir, Options{CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		bySource := map[string]int{}
		for i, c := range l.Claims {
			bySource[c.Source]++
			if i > 0 && posLess(c.Pos, l.Claims[i-1].Pos) {
				t.Errorf("claims out of order at %v", c.Pos)
			}
		}
		if bySource["inline"] != 2 || bySource["mention"] != 1 || bySource["irna"] == 0 {
			t.Errorf("claims by source: %v", bySource)
		}
	}
}

// Reconciled groups come from the cache when nothing they depend on
// changed, and the result is the same as reconciling everything.
func TestCacheGroups(t *testing.T) {
	dir := generated(t, 40)
	cache := t.TempDir()
	reconciled := func() (reconcile.Result, CacheStats) {
		t.Helper()
		plain, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		want := reconcile.Run(plain.Corpus)
		l, err := LoadWith(dir, Options{CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		got := l.Reconcile()
		l.Close()
		ignore := cmp.Comparer(func(a, b reconcile.Hierarchy) bool { return true })
		if diff := cmp.Diff(want, got, ignore, cmp.AllowUnexported(reconcile.Result{})); diff != "" {
			t.Fatalf("with the cache, the result differs (-without +with):\n%s", diff)
		}
		return got, l.Cache
	}
	r, st := reconciled()
	groups := len(r.Groups)
	if st.GroupsReused != 0 || st.GroupsReconciled != groups {
		t.Fatalf("first run: %+v for %d groups", st, groups)
	}
	if _, st = reconciled(); st.GroupsReused != groups || st.GroupsReconciled != 0 {
		t.Fatalf("second run: %+v for %d groups", st, groups)
	}
	edit(t, filepath.Join(dir, "sources", "0000", "s000007.toml"), func(s string) string {
		return strings.Replace(s, "[[claim]]", "[[claim]]\nnote = \"edited\"", 1)
	})
	if _, st = reconciled(); st.GroupsReconciled == 0 || st.GroupsReconciled > 10 {
		t.Fatalf("after one source changed: %+v", st)
	}
	edit(t, filepath.Join(dir, "verdicts.toml"), func(s string) string { return strings.Replace(s, "at least 1", "at least 2", 1) })
	if _, st = reconciled(); st.GroupsReconciled != 1 {
		t.Fatalf("after a verdict changed: %+v", st)
	}
	edit(t, filepath.Join(dir, "vocabulary", "places.toml"), func(s string) string { return s + "\n# a comment\n" })
	if _, st = reconciled(); st.GroupsReused != 0 {
		t.Fatalf("after the vocabulary changed: %+v", st)
	}
	// Damaged group files are not trusted.
	files, _ := filepath.Glob(filepath.Join(cache, "*", "groups-*.bin"))
	if len(files) == 0 {
		t.Fatal("no group files")
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		data[len(data)/2] ^= 0x10
		replaceCacheFile(t, f, data)
	}
	if _, st = reconciled(); st.GroupsReused != 0 {
		t.Fatalf("after damaging every group file: %+v", st)
	}
}

// Beyond keepBudget, plain sources are read again when their turn comes;
// the corpus is the same.
func TestKeepBudget(t *testing.T) {
	for _, dir := range []string{generated(t, 30), corpus(t, "duplicates"), corpus(t, "quotes")} {
		want, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		func() {
			defer func(b int64) { keepBudget = b }(keepBudget)
			keepBudget = 1
			for _, cache := range []string{"", t.TempDir()} {
				got, err := LoadWith(dir, Options{CacheDir: cache})
				if err != nil {
					t.Fatal(err)
				}
				sameLoaded(t, want, got)
			}
		}()
	}
}

// A file rewritten at the same size, with its modification time put back
// (as `cp -p`, `touch -r` or an archive tool can leave it), still has a new
// change time: its stamp no longer holds, and it is read again.
func TestCacheStampSameSizeChange(t *testing.T) {
	if !stampsKnown {
		t.Skip("no stamps on this system: every file is read")
	}
	later(t)
	dir := generated(t, 10)
	cache := t.TempDir()
	src := filepath.Join(dir, "sources", "0000", "s000003.toml")
	text := filepath.Join(dir, "texts", "0000", "s000003.txt")
	sameAsUncached(t, dir, cache)
	if st := sameAsUncached(t, dir, cache); st.Unread != 10 {
		t.Fatalf("unchanged corpus: %+v, want all 10 source files unread", st)
	}

	sameSize := func(path string, f func(string) string) {
		t.Helper()
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		// Past the coarsest clock tick the kernel stamps files with.
		time.Sleep(20 * time.Millisecond)
		edit(t, path, func(s string) string {
			out := f(s)
			if len(out) != len(s) {
				t.Fatalf("the edit of %s changed its size", path)
			}
			return out
		})
		if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
	}

	sameSize(src, func(s string) string {
		i := strings.Index(s, "title = \"") + len("title = \"")
		return s[:i] + "X" + s[i+1:]
	})
	if st := sameAsUncached(t, dir, cache); st.Resolved != 1 || st.Reused != 9 {
		t.Fatalf("after a same-size change to a source: %+v, want it resolved again", st)
	}

	sameSize(text, func(s string) string { return strings.Repeat("x", len(s)) })
	st := sameAsUncached(t, dir, cache)
	if st.Resolved != 1 || st.Reused != 9 {
		t.Fatalf("after a same-size change to a text: %+v, want its source resolved again", st)
	}
	l, err := LoadWith(dir, Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range l.Problems {
		found = found || strings.Contains(p.Message, "quote not found")
	}
	if !found {
		t.Fatal("a text rewritten at the same size no longer holds its quotes, but no quote was reported missing")
	}
}

// A stamp is judged against when it was taken, not against the run that
// finds it: files written just before a run are read again by the next
// one, however much later, which then records them as settled (rewriting
// their shards once); from the run after, they are not read.
func TestCacheStampsSettle(t *testing.T) {
	if !stampsKnown {
		t.Skip("no stamps on this system: every file is read")
	}
	dir := generated(t, 12)
	cache := t.TempDir()
	frozen(t) // the first run, straight after the files were written
	if st := sameAsUncached(t, dir, cache); st.Resolved != 12 {
		t.Fatalf("first run: %+v", st)
	}
	later(t)
	st := sameAsUncached(t, dir, cache)
	if st.Reused != 12 || st.Unread != 0 || st.TextsUnread != 0 || st.Written == 0 {
		t.Fatalf("an hour later: %+v; want all 12 reused, but read again (their stamps were taken too soon after writing) and re-stamped", st)
	}
	st = sameAsUncached(t, dir, cache)
	if st.Reused != 12 || st.Unread != 12 || st.TextsUnread == 0 || st.Written != 0 {
		t.Fatalf("the run after: %+v; want all 12 reused unread, and nothing written", st)
	}
}

// A stamp taken within stampSlack of a change is not trusted.
func TestStampSettled(t *testing.T) {
	at := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC).UnixNano()
	old := stamp{size: 10, mtime: at - int64(time.Minute), ctime: at - int64(time.Minute), ino: 1}
	if !old.settled(at) {
		t.Error("a stamp a minute old is not settled")
	}
	for _, s := range []stamp{
		{size: 10, mtime: at - int64(time.Minute), ctime: at - int64(time.Second), ino: 1},
		{size: 10, mtime: at, ctime: at - int64(time.Minute), ino: 1},
		{size: 10, mtime: at + int64(time.Hour), ctime: at + int64(time.Hour), ino: 1}, // a clock that went back
		{},
	} {
		if s.settled(at) {
			t.Errorf("%+v is settled at %d; want not", s, at)
		}
	}
}

// A corpus large enough to have its entries in several shards rewrites
// only the shard of the one file that changed, and its shards are where
// FNV-1a of each file's path puts them, as they always were.
func TestOneChangeRewritesOneShard(t *testing.T) {
	dir := generated(t, 2100)
	later(t)
	cache := t.TempDir()
	load := func() CacheStats {
		t.Helper()
		l, err := LoadWith(dir, Options{CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		return l.Cache
	}
	if st := load(); st.Resolved != 2100 || st.Written < 2 {
		t.Fatalf("first run: %+v; want every source resolved, in more than one shard", st)
	}
	src := filepath.Join(dir, "sources", "0002", "s002003.toml")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	write(t, src, string(data)+"\n# checked again\n")
	if st := load(); st.Resolved != 1 || st.Reused != 2099 || st.Written != 1 {
		t.Fatalf("after one source changed: %+v; want it alone resolved and its shard alone written", st)
	}
	h := fnv.New32a()
	h.Write([]byte("sources/0002/s002003.toml"))
	if got, want := fnv32a("sources/0002/s002003.toml"), h.Sum32(); got != want {
		t.Errorf("fnv32a = %#x, hash/fnv says %#x", got, want)
	}
}
