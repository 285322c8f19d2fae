package draft

import (
	"path/filepath"
	"strings"
)

// TextRef decides the `text` key: the article's path relative to the
// output file, when both lie inside the corpus (the loader accepts no
// other), else "" and a hint saying what to do. The paths must be
// absolute and clean, with symbolic links resolved; out is "" when the
// draft goes to standard output. shown is the corpus as the user named
// it, for the hint.
func TextRef(corpus, shown, article, out string) (text, hint string) {
	sources, texts := filepath.ToSlash(filepath.Join(shown, "sources")), filepath.ToSlash(filepath.Join(shown, "texts"))
	if !inside(corpus, article) {
		return "", "the article is not inside the claims directory: archive a copy under " + texts + " (unchanged, so quotes verify) and set text to its path relative to this file"
	}
	if out == "" {
		rel, err := filepath.Rel(filepath.Join(corpus, "sources"), article)
		if err != nil {
			return "", "set text to the article's path relative to this file"
		}
		return "", "if you save this file in " + sources + ", text = \"" + filepath.ToSlash(rel) + "\""
	}
	if !inside(corpus, out) {
		return "", "this file is not inside the claims directory; once it is, set text to the article's path relative to it"
	}
	rel, err := filepath.Rel(filepath.Dir(out), article)
	if err != nil {
		return "", "set text to the article's path relative to this file"
	}
	return filepath.ToSlash(rel), ""
}

func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
