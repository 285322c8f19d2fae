// Package load reads a claims directory (docs/format.md) into a
// reconcile.Corpus: it checks every file strictly, verifies every quote
// against its archived text, reads every value, and reports everything
// wrong with the input as Problems with file, line and column. It reads the
// disk; reconcile does not.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

// Publisher is who publishes fact-checks made from this corpus
// ([publisher] in crosscheck.toml), for ClaimReview export.
type Publisher struct {
	Name string
	URL  string
}

// Loaded is a loaded corpus and what else its files configure.
type Loaded struct {
	reconcile.Corpus
	Vocab     *vocab.Vocabulary
	Options   phrase.Options
	Publisher Publisher
	// ClaimCount is every [[claim]] table read, including those left out
	// of Corpus.Claims because their value could not be read.
	ClaimCount int
}

// Normalize is the quote normaliser: see textnorm.Normalize.
func Normalize(s string) string { return textnorm.Normalize(s) }

// SettingsFile is the name of the settings file at the corpus root.
const SettingsFile = "crosscheck.toml"

// MaxFileSize bounds what is read into memory: no claim file or archived
// article is anywhere near it, and a mistaken path to a disk image should
// be a problem, not an exhausted machine.
const MaxFileSize = 64 << 20

// Load reads the corpus in dir. The error is only for being unable to
// start (dir missing or not a directory); everything wrong inside it is in
// Problems, so that one run reports all of it.
func Load(dir string) (*Loaded, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read claims directory: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("claims directory %s is not a directory", dir)
	}
	l := &loader{dir: dir, texts: map[string]*archived{}}
	l.root, err = filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read claims directory: %w", err)
	}
	if l.realRoot, err = filepath.EvalSymlinks(l.root); err != nil {
		return nil, fmt.Errorf("cannot read claims directory: %w", err)
	}
	return l.load(), nil
}

type loader struct {
	dir      string // as given, for Pos.File
	root     string // absolute
	realRoot string // absolute, symlinks resolved
	problems []reconcile.Problem

	mu    sync.Mutex
	texts map[string]*archived // by real path
}

func (l *loader) file(rel string) string { return filepath.Join(l.dir, filepath.FromSlash(rel)) }

func (l *loader) errorf(p reconcile.Pos, format string, args ...any) {
	l.problems = append(l.problems, reconcile.Problem{Pos: p, Severity: reconcile.Error, Message: fmt.Sprintf(format, args...)})
}

func (l *loader) load() *Loaded {
	out := &Loaded{Options: phrase.DefaultOptions()}
	out.Root = l.dir

	rels := l.walk()
	files := make([]*parsedFile, len(rels))
	parallel(len(rels), func(i int) { files[i] = l.read(rels[i]) })

	var defs vocab.Defs
	var sources []*parsedFile
	var verdicts []parsedVerdict
	for _, f := range files {
		l.problems = append(l.problems, f.problems...)
		out.ClaimCount += f.nclaims
		verdicts = append(verdicts, f.verdicts...)
		if f.settings != nil {
			if f.settings.approx != nil {
				out.Options.Approx = *f.settings.approx
			}
			out.Publisher = f.settings.publisher
		}
		defs.Events = append(defs.Events, f.defs.Events...)
		defs.Properties = append(defs.Properties, f.defs.Properties...)
		defs.Places = append(defs.Places, f.defs.Places...)
		defs.Countries = append(defs.Countries, f.defs.Countries...)
		defs.Nationalities = append(defs.Nationalities, f.defs.Nationalities...)
		defs.Organisations = append(defs.Organisations, f.defs.Organisations...)
		defs.Persons = append(defs.Persons, f.defs.Persons...)
		defs.Categories = append(defs.Categories, f.defs.Categories...)
		if f.source != nil {
			sources = append(sources, f)
		}
	}
	v, vp := vocab.Build(defs)
	l.problems = append(l.problems, vp...)
	out.Vocab, out.Hierarchy = v, v
	out.Events, out.Properties = v.Events(), v.Properties()

	switch {
	case len(rels) == 0:
		l.errorf(reconcile.Pos{File: l.dir}, "no .toml files in %s; a corpus needs source files with [source] and [[claim]] tables (see docs/format.md), or give the right directory", l.dir)
	case len(sources) == 0:
		l.errorf(reconcile.Pos{File: l.dir}, "no source files in %s: none of its .toml files has a [source] table; add one per article (see docs/format.md)", l.dir)
	}

	// A repeated source id makes its claims' source ambiguous, so the
	// later file's claims are checked but kept out of the corpus.
	first := map[string]*parsedFile{}
	dup := make([]bool, len(sources))
	for i, f := range sources {
		id := f.source.src.ID
		if g, ok := first[id]; ok {
			dup[i] = true
			l.errorf(f.source.key("id"), "duplicate source id %q: %s has it too; give one of them a different id", id, g.source.src.Pos)
			continue
		}
		first[id] = f
	}

	results := make([]resolved, len(sources))
	parallel(len(sources), func(i int) { results[i] = l.resolve(sources[i], v, out.Options) })
	claimAt := map[string]reconcile.Pos{}
	for i, r := range results {
		l.problems = append(l.problems, r.problems...)
		if dup[i] {
			continue
		}
		out.Sources = append(out.Sources, sources[i].source.src)
		out.Unverified += r.unverified
		for _, c := range r.claims {
			if p, ok := claimAt[c.ID]; ok {
				l.errorf(c.idPos, "duplicate claim id %q: the claim at %s has it too; give one of them a different id", c.ID, p)
				continue
			}
			claimAt[c.ID] = c.Pos
			out.Claims = append(out.Claims, c.Claim)
		}
	}

	sourceIDs := make([]string, 0, len(first))
	for id := range first {
		sourceIDs = append(sourceIDs, id)
	}
	sort.Strings(sourceIDs)
	for _, pv := range verdicts {
		if rv, ok := l.verdict(pv, v, out.Options, sourceIDs); ok {
			out.Verdicts = append(out.Verdicts, rv)
		}
	}

	sort.SliceStable(out.Sources, func(i, j int) bool { return out.Sources[i].File < out.Sources[j].File })
	sort.SliceStable(out.Claims, func(i, j int) bool { return posLess(out.Claims[i].Pos, out.Claims[j].Pos) })
	out.Problems = sortProblems(l.problems)
	return out
}

func posLess(a, b reconcile.Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// sortProblems orders problems by file, line, column and message, and
// drops exact repeats, so output does not depend on which worker finished
// first.
func sortProblems(ps []reconcile.Problem) []reconcile.Problem {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Pos != ps[j].Pos {
			return posLess(ps[i].Pos, ps[j].Pos)
		}
		return ps[i].Message < ps[j].Message
	})
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// parallel runs f(0..n-1) on GOMAXPROCS workers.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// walk lists the corpus's .toml files, relative and slash-separated,
// sorted. Hidden files and directories (.git, editor backups) are skipped;
// symbolic links to directories are not followed, so a link loop cannot
// make the walk endless.
func (l *loader) walk() []string {
	var rels []string
	err := filepath.WalkDir(l.dir, func(path string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(l.dir, path)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if path == l.dir {
				return err
			}
			l.errorf(reconcile.Pos{File: path}, "cannot read: %v; fix its permissions or remove it", unwrapPath(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != l.dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".toml") {
			rels = append(rels, rel)
		}
		return nil
	})
	if err != nil {
		l.errorf(reconcile.Pos{File: l.dir}, "cannot read the claims directory: %v", unwrapPath(err))
	}
	sort.Strings(rels)
	return rels
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// read reads and parses one file; the only part of loading a file that
// touches the disk.
func (l *loader) read(rel string) *parsedFile {
	file := l.file(rel)
	data, err := readRegular(file)
	if err != nil {
		return &parsedFile{rel: rel, file: file, problems: []reconcile.Problem{{
			Pos: reconcile.Pos{File: file}, Severity: reconcile.Error,
			Message: fmt.Sprintf("cannot read file: %v; fix its permissions or remove it", err),
		}}}
	}
	return parseFile(rel, file, data, rel == SettingsFile)
}

// readRegular reads a regular file no larger than MaxFileSize. Checking
// first matters: reading a named pipe would wait forever.
func readRegular(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("larger than %d MiB", MaxFileSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	return data, nil
}
