package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reports"
)

const valueAbout = `
Value shows how crosscheck reads the words a source uses for a value, so a
fact-checker can see (and challenge) an interpretation before relying on
it. Each phrase gets one line: the phrase, the range it was read as, and the
reading in words.

Counts and dates need no corpus. A relative date ("last Wednesday") needs
--published, the day the source appeared. Places, nationalities and
categories are read through the vocabulary in --dir. The approximation
width ("about", "nearly") comes from DIR/crosscheck.toml when it exists.

Exit status: 0 every phrase read, 1 some phrase could not be read (the
others are still printed), 2 could not run.
`

// valueKinds are the kinds value can read, as --kind spells them.
var valueKinds = []reconcile.Kind{reconcile.Count, reconcile.Date, reconcile.Place, reconcile.Nationality, reconcile.Category}

func runValue(args []string, stdout, stderr io.Writer) int {
	f := newFlags("value", valueAbout)
	format := f.format()
	kindFlag := f.String("kind", "count", "read phrases as `kind`: count, date, place, nationality or category")
	published := f.String("published", "", "publication `date` of the source, for relative dates (2024-01-10, 2024-01, ...)")
	dir := f.String("dir", defaultDir, "claims `directory`: its vocabulary and crosscheck.toml settings")
	property := f.String("property", "", "category `property` whose terms to read against (category kind; default: any)")
	phrases, code, ok := f.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(phrases) == 0 {
		return fail(stderr, "value: no phrase to read; try: crosscheck value \"nearly 100\"")
	}
	kind := reconcile.Kind(*kindFlag)
	if !validKind(kind) {
		return fail(stderr, "value: unknown kind %q (want %s)", *kindFlag, kindList())
	}
	pub := phrase.Unknown
	if *published != "" {
		r, err := phrase.Span(*published)
		if err != nil {
			return fail(stderr, "value: --published: %v", err)
		}
		pub = r
	}

	read, code, ok := valueReader(kind, *property, pub, *dir, stderr)
	if !ok {
		return code
	}
	var readings []reports.ValueReading
	var failed []error
	for _, p := range phrases {
		rd, warnings, err := read(p)
		if err != nil {
			failed = append(failed, err)
			continue
		}
		for _, w := range warnings {
			fmt.Fprintf(stderr, "crosscheck: warning: %s\n", w)
		}
		readings = append(readings, reports.ValueReading{Input: p, Kind: kind, Reading: rd})
	}
	var err error
	if format.value == "json" {
		err = reports.ValuesJSON(stdout, readings)
	} else {
		err = reports.Values(stdout, readings)
	}
	if err != nil {
		return fail(stderr, "%v", err)
	}
	for _, e := range failed {
		fmt.Fprintf(stderr, "crosscheck: %v\n", e)
	}
	if len(failed) > 0 {
		return exitProblems
	}
	return exitOK
}

type readFunc func(p string) (reconcile.Reading, []string, error)

// valueReader picks the reader for kind. Counts and dates are read on their
// own; term kinds need the vocabulary, so only they load the corpus.
func valueReader(kind reconcile.Kind, property string, pub reconcile.Range, dir string, stderr io.Writer) (readFunc, int, bool) {
	switch kind {
	case reconcile.Count, reconcile.Date:
		opts, err := readOptions(dir)
		if err != nil {
			return nil, fail(stderr, "%v", err), false
		}
		if kind == reconcile.Count {
			return func(p string) (reconcile.Reading, []string, error) {
				rd, err := phrase.Count(p, opts)
				return rd, nil, err
			}, exitOK, true
		}
		return func(p string) (reconcile.Reading, []string, error) {
			return phrase.Date(p, pub, opts)
		}, exitOK, true
	}
	l, code, ok := openCorpus(dir, stderr)
	if !ok {
		return nil, code, false
	}
	return func(p string) (reconcile.Reading, []string, error) {
		rd, err := l.Vocab.Read(kind, property, p)
		return rd, nil, err
	}, exitOK, true
}

// readOptions reads the [reading] settings of dir/crosscheck.toml, or the
// defaults when there is no such file (value is often run far from any
// corpus).
func readOptions(dir string) (phrase.Options, error) {
	opts := phrase.DefaultOptions()
	path := filepath.Join(dir, "crosscheck.toml")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return opts, nil
	}
	var settings struct {
		Reading struct {
			Approximation *float64 `toml:"approximation"`
		} `toml:"reading"`
	}
	if _, err := toml.DecodeFile(path, &settings); err != nil {
		return opts, fmt.Errorf("%s: %v", path, err)
	}
	if a := settings.Reading.Approximation; a != nil {
		opts.Approx = *a
	}
	if err := opts.Validate(); err != nil {
		return opts, fmt.Errorf("%s: [reading] %v", path, err)
	}
	return opts, nil
}

func validKind(k reconcile.Kind) bool {
	for _, v := range valueKinds {
		if k == v {
			return true
		}
	}
	return false
}

func kindList() string {
	var s []string
	for _, k := range valueKinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}
