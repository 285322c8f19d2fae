package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/internal/draft"
	"github.com/crosscheck/crosscheck/reconcile"
)

const draftAbout = `
Draft reads an article's plain text and writes a source file of proposed
claims for a person to review, keep, fix or delete: casualty and other
counts tied to what they count, dates, places, perpetrators' nationalities
and who claimed or was blamed, each with the article's own words as its
value, the whole sentence as its quote, whom the sentence quotes, and a
comment saying why it was proposed. It works from the text and the
vocabulary of the claims directory (--dir); nothing leaves the machine.

A claim whose event could not be told gets event = "TODO-event", which lint
reports until a reviewer fills it in; so does published = "TODO" when the
text has no date line. Page furniture, captions and headings are skipped.
See docs/draft.md.

The draft goes to standard output, or to -o FILE, which is never
overwritten without --force. With -o inside the claims directory and the
article archived there too, text is set to the article's path.

Exit status: 0 drafted, 2 could not run (no such file, not plain UTF-8
text, output exists, no vocabulary).
`

func runDraft(args []string, stdout, stderr io.Writer) int {
	f := newFlags("draft", draftAbout)
	dir := f.String("dir", defaultDir, "claims `directory` whose vocabulary names events, places and properties")
	out := f.String("o", "", "write the draft to `file` instead of standard output")
	force := f.Bool("force", false, "overwrite the -o file if it exists")
	positional, code, ok := f.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(positional) != 1 {
		return fail(stderr, "draft: want one article (a plain-text file), got %d arguments; run 'crosscheck draft -h' for usage", len(positional))
	}
	article := positional[0]
	data, err := readArticle(article)
	if err != nil {
		return fail(stderr, "%s: %v", article, err)
	}
	if err := draft.Check(data); err != nil {
		return fail(stderr, "%s: %v", article, err)
	}
	// Refuse before loading the corpus, so a slip of -o or of the
	// article's name costs nothing.
	if *out != "" && !*force {
		if _, err := os.Lstat(*out); err == nil {
			return fail(stderr, "%s already exists; pass --force to overwrite it, or choose another -o", *out)
		}
	}
	l, code, ok := openCorpus(*dir, stderr)
	if !ok {
		return code
	}
	if len(l.Vocab.PropertyIDs()) == 0 {
		return fail(stderr, "%s has no vocabulary ([[property]] tables): draft names properties and events from it; give the claims directory with --dir", *dir)
	}
	if n := vocabularyErrors(l.Problems, l.Sources, *dir); n > 0 {
		fmt.Fprintf(stderr, "crosscheck: note: %s has %d errors outside its source files (run 'crosscheck lint %s'); the vocabulary may be incomplete\n", *dir, n, *dir)
	}
	res, err := draft.Propose(data, l.Vocab, draft.Options{Phrase: l.Options})
	if err != nil {
		return fail(stderr, "%s: %v", article, err)
	}
	layout := draft.Layout{Article: filepath.ToSlash(article)}
	layout.Text, layout.TextHint = textRef(*dir, article, *out)
	toml := res.TOML(layout)
	where := "standard output"
	if *out == "" {
		if _, err := stdout.Write(toml); err != nil {
			return fail(stderr, "%v", err)
		}
	} else {
		if err := writeNew(*out, toml, *force); err != nil {
			return fail(stderr, "%v", err)
		}
		where = *out
	}
	fmt.Fprintf(stderr, "crosscheck: drafted %d claims from %s to %s (%d with event %q to fill in); review every one before committing\n", len(res.Claims), article, where, res.Unassigned(), draft.TodoEvent)
	return exitOK
}

// readArticle reads a regular file no larger than draft.MaxInput; a
// directory, a device or a pipe is refused rather than read.
func readArticle(path string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("no such file")
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, fmt.Errorf("is a directory; give the article's text file")
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("not a regular file")
	case info.Size() > draft.MaxInput:
		return nil, fmt.Errorf("larger than %d MiB; draft from the article's text, not a whole site or archive", draft.MaxInput>>20)
	}
	return os.ReadFile(path)
}

// textRef works out the text key from real paths (symbolic links
// resolved), since the loader checks the archived text is inside the
// corpus by its real path.
func textRef(dir, article, out string) (string, string) {
	resolved := func(p string) string {
		abs, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return r
		}
		// The output file need not exist yet: resolve its directory.
		if r, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
			return filepath.Join(r, filepath.Base(abs))
		}
		return abs
	}
	o := ""
	if out != "" {
		o = resolved(out)
	}
	return draft.TextRef(resolved(dir), dir, resolved(article), o)
}

// writeNew writes data to path through a temporary file in the same
// directory, so that a failed write leaves no half-written draft. Without
// force an existing file is never replaced, even one created meanwhile.
func writeNew(path string, data []byte, force bool) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".draft-*.toml")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrap(err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, unwrap(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrap(err))
	}
	if force {
		if err := os.Rename(tmp.Name(), path); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, unwrap(err))
		}
		return nil
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; pass --force to overwrite it, or choose another -o", path)
		}
		return fmt.Errorf("cannot write %s: %w", path, unwrap(err))
	}
	return nil
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// vocabularyErrors counts errors in files other than the corpus's source
// files: a draft's earlier TODO markers are no reason to warn, a broken
// vocabulary is.
func vocabularyErrors(problems []reconcile.Problem, sources []reconcile.Source, dir string) int {
	src := map[string]bool{}
	for _, s := range sources {
		src[filepath.Join(dir, filepath.FromSlash(s.File))] = true
	}
	n := 0
	for _, p := range problems {
		if p.Severity == reconcile.Error && !src[p.File] && filepath.Ext(p.File) == ".toml" {
			n++
		}
	}
	return n
}
