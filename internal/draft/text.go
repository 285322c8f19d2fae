package draft

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/textnorm"
)

// paragraph is a run of lines that belong together. Captured web pages put
// one paragraph on a line, often with no blank line between them, while
// hard-wrapped text continues a sentence on the next line; a line is joined
// to the one before only when that one stops mid-sentence and this one goes
// on in lower case.
type paragraph struct {
	lo, hi int // byte range in the article
	line   int // 1-based line of its start
	toks   []token
	sents  []sentence
	// skip says whether claims may come from it: not from page furniture,
	// captions or headings.
	skip skipKind
	nl   []int // offsets of the line breaks inside it (wrapped lines)
}

// lineOf is the line of the article holding byte offset off.
func (p *paragraph) lineOf(off int) int {
	return p.line + sort.SearchInts(p.nl, off)
}

type skipKind uint8

const (
	prose skipKind = iota
	skipFurniture
	skipCaption
	skipHeading
)

// sentence is a token range of its paragraph.
type sentence struct {
	t0, t1 int // tokens [t0, t1) of the paragraph
	lo, hi int // byte range in the article
}

// lines returns the byte ranges of the lines of text, without line ends.
func lines(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			end := i
			if end > start && text[end-1] == '\r' {
				end--
			}
			out = append(out, [2]int{start, end})
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

func trimRange(text string, lo, hi int) (int, int) {
	for lo < hi {
		r, n := utf8.DecodeRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) && r != 0xFEFF && r != 0x200B {
			break
		}
		lo += n
	}
	for hi > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) && r != 0xFEFF && r != 0x200B {
			break
		}
		hi -= n
	}
	return lo, hi
}

// endsSentence reports whether a line ends as prose does.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;”\"’')»…", r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// maxParagraph bounds a paragraph: a longer run of text without a blank
// line is no prose anyone wrote (a dump, a transcript without breaks), and
// is read in pieces cut at white space, so memory stays bounded.
const maxParagraph = 64 << 10

// paragraphs splits the article. Only the boundaries are found here;
// load tokenizes a paragraph when it is read, so that a large article is
// never held as tokens all at once.
func paragraphs(text string) []*paragraph {
	var out []*paragraph
	var cur *paragraph
	for n, ln := range lines(text) {
		lo, hi := trimRange(text, ln[0], ln[1])
		if lo == hi {
			cur = nil
			continue
		}
		line := text[lo:hi]
		if cur != nil && !endsSentence(text[cur.lo:cur.hi]) && startsLower(line) && hi-cur.lo <= maxParagraph {
			cur.hi = hi
			cur.nl = append(cur.nl, ln[0]-1)
			continue
		}
		for hi-lo > maxParagraph {
			cut := lo + maxParagraph
			if i := strings.LastIndexAny(text[lo:cut], " \t"); i > 0 {
				cut = lo + i
			}
			for cut > lo && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if cut == lo {
				cut = lo + maxParagraph
			}
			out = append(out, &paragraph{lo: lo, hi: cut, line: n + 1})
			lo, _ = trimRange(text, cut, hi)
		}
		cur = &paragraph{lo: lo, hi: hi, line: n + 1}
		out = append(out, cur)
	}
	return out
}

// load tokenizes the paragraph and decides whether it is prose.
func (p *paragraph) load(text string) {
	if p.toks != nil {
		return
	}
	p.toks = tokenize(text, p.lo, p.hi, make([]token, 0, (p.hi-p.lo)/5+4))
	p.skip = furniture(text[p.lo:p.hi], p.toks)
	p.sents = splitSentences(p.toks)
}

func (p *paragraph) unload() { p.toks, p.sents = nil, nil }

// furnitureStarts are the words that open page chrome: comment and
// sign-in prompts, recommendation boxes, credits, syndication notes. A
// paragraph that starts with one (ignoring case) is never prose.
var furnitureStarts = []string{
	"to view or add a comment", "recommend:", "more articles by",
	"insights from the community", "others also viewed", "explore topics",
	"image source", "author:", "source »", "source:", "this article is republished",
	"this article was originally published", "all rights reserved", "read the original",
	"photo:", "photo credit", "advertisement", "©", "copyright ©",
}

// shortFurniture open chrome only in a short paragraph: "Share this", a
// byline "By Jane Doe", "Published: 4 January 2024". In a long one they
// are ordinary words ("By 2018, leaders in Tehran ...").
var shortFurniture = []string{
	"sign in", "sign up", "log in", "subscribe", "share", "tweet", "follow us",
	"read more", "related", "click here", "comments", "leave a comment", "by",
	"an article by", "published", "updated", "posted", "email", "print", "listen",
	"watch", "copyright",
}

// captionWords mark a photo caption or credit wherever they appear in a
// short line: "AP /Mehr news photo of ...", "... Image source".
var captionWords = []string{
	"photo", "photograph", "image source", "image:", "picture", "(above)", "(below)",
	"getty images", "credit:", "caption", "pictured", "file photo", "screenshot",
}

// furniture says whether a paragraph may yield claims.
func furniture(s string, toks []token) skipKind {
	low := strings.ToLower(s)
	letters := false
	for _, t := range toks {
		if t.kind == tWord {
			letters = true
			break
		}
	}
	if !letters {
		return skipFurniture // a counter, a number on its own
	}
	for _, f := range furnitureStarts {
		if startsWithWord(low, f) {
			return skipFurniture
		}
	}
	words := 0
	for _, t := range toks {
		if t.kind == tWord && !t.glued {
			words++
		}
	}
	if words <= 8 {
		for _, f := range shortFurniture {
			if startsWithWord(low, f) {
				return skipFurniture
			}
		}
	}
	short := words <= 25
	if short {
		for _, c := range captionWords {
			if textnorm.ContainsWord(low, c) {
				return skipCaption
			}
		}
	}
	if !endsSentence(s) && words < 12 {
		return skipHeading
	}
	return prose
}

func startsWithWord(s, w string) bool {
	if !strings.HasPrefix(s, w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len(w):])
	return len(s) == len(w) || !isLetter(r) || !isLetter(rune(w[len(w)-1]))
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"rev": true, "gov": true, "sen": true, "rep": true, "pres": true, "no": true, "nos": true,
	"vs": true, "v": true, "eg": true, "ie": true, "cf": true, "approx": true, "est": true,
	"ca": true, "c": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"us": true, "uk": true, "un": true, "eu": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "dept": true, "fig": true, "al": true, "mt": true, "ft": true,
}

func isOpener(t token) bool {
	return t.isPunct("\"“‘'«([")
}

func isCloser(t token) bool {
	return t.isPunct("\"”’')]»")
}

// splitSentences cuts a paragraph's tokens at full stops, question and
// exclamation marks that are followed by a space and something that can
// start a sentence, unless the stop ends an abbreviation or an initial.
func splitSentences(toks []token) []sentence {
	var out []sentence
	start := 0
	emit := func(end int) {
		if end > start {
			out = append(out, sentence{t0: start, t1: end, lo: toks[start].lo, hi: toks[end-1].hi})
		}
		start = end
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.isPunct(".!?…") {
			continue
		}
		end := i + 1
		for end < len(toks) && toks[end].glued && (isCloser(toks[end]) || toks[end].isPunct(".!?…")) {
			end++
		}
		if end == len(toks) {
			break
		}
		next := toks[end]
		if next.glued {
			continue
		}
		if !(next.upper || next.kind == tNum || isOpener(next)) {
			continue
		}
		if t.text == "." && i > 0 && toks[i-1].kind == tWord && t.glued {
			prev := toks[i-1]
			if abbreviations[prev.key] || utf8.RuneCountInString(prev.text) == 1 || strings.Contains(prev.text, ".") {
				// "Aaron Y. Zelin", "U.S. officials", "Jan. 3": an
				// abbreviation ends a sentence only before a line ends.
				continue
			}
		}
		emit(end)
		i = end - 1
	}
	emit(len(toks))
	return out
}
