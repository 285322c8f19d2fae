package draft

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/reconcile/phrase"
)

// head is how many paragraphs at the top may hold the title, date line
// and byline.
const head = 15

// source fills in what the text says about itself: the title (the first
// line that reads as a headline), the publication date (a line that is
// only a date), and a byline as suggestions. The publication date also
// anchors year-less and relative dates in the text.
func (d *drafter) source(paras []*paragraph) {
	s := &d.res.Source
	var title, kicker *paragraph
	type dated struct {
		p     *paragraph
		iso   string
		clock bool // next to a time of day: a page's clock, not the article's date
	}
	var dates []dated
	for i := 0; i < len(paras) && i < head; i++ {
		paras[i].load(d.text)
	}
	if len(paras) > head {
		paras[head].load(d.text) // the clock test looks one further
	}
	for i, p := range paras {
		if i >= head {
			break
		}
		line := d.text[p.lo:p.hi]
		if iso, ok := dateLine(line, p.toks); ok {
			clock := i+1 < len(paras) && isClock(paras[i+1].toks) || i > 0 && isClock(paras[i-1].toks)
			dates = append(dates, dated{p, iso, clock})
			continue
		}
		if isClock(p.toks) {
			continue
		}
		low := strings.ToLower(line)
		switch {
		case len(p.toks) <= 12 && (strings.HasPrefix(low, "by ") || strings.HasPrefix(low, "an article by ") || strings.HasPrefix(low, "author:")):
			if s.Author == "" {
				d.byline(p, line)
			}
			continue
		case strings.HasPrefix(low, "source »") || strings.HasPrefix(low, "source:"):
			continue
		}
		if title == nil {
			if p.skip == skipCaption || p.skip == skipFurniture || p.skip == prose && len(p.sents) > 1 || len(p.toks) > 40 {
				continue
			}
			if isShouted(line) {
				if kicker == nil {
					kicker = p
				}
				continue
			}
			title = p
		}
	}
	if title == nil {
		title = kicker
	}
	if title != nil {
		s.Title = strings.Trim(d.text[title.lo:title.hi], "\"“”' ")
		s.TitleWhy = fmt.Sprintf("line %d", title.line)
	}
	// Credits at the foot: "Source » aei.org", "republished from The
	// Conversation".
	for _, p := range paras {
		line := d.text[p.lo:p.hi]
		if i := indexFold(line, "source »"); i >= 0 && s.Outlet == "" {
			s.Outlet = strings.TrimSpace(line[i+len("source »"):])
			s.OutletWhy = fmt.Sprintf("line %d: %q", p.line, clip(line))
		}
		if i := indexFold(line, "republished from "); i >= 0 && s.Outlet == "" {
			rest := line[i+len("republished from "):]
			if j := strings.IndexAny(rest, ".,;("); j > 0 {
				rest = rest[:j]
			}
			if k := indexFold(rest, " under "); k > 0 {
				rest = rest[:k]
			}
			s.Outlet = strings.TrimSpace(rest)
			s.OutletWhy = fmt.Sprintf("line %d: %q", p.line, clip(line))
		}
	}
	var pick *dated
	for i := range dates {
		if !dates[i].clock {
			pick = &dates[i]
			break
		}
	}
	if pick == nil && len(dates) > 0 {
		pick = &dates[0]
	}
	if pick != nil {
		s.Published = pick.iso
		line := d.text[pick.p.lo:pick.p.hi]
		s.PublishedWhy = fmt.Sprintf("from line %d, %q", pick.p.line, clip(line))
		if strings.Count(line, ".") == 2 {
			s.PublishedWhy += ", read day first"
		}
		var others []string
		for _, o := range dates {
			if o.p != pick.p {
				why := fmt.Sprintf("%q (line %d", clip(d.text[o.p.lo:o.p.hi]), o.p.line)
				if o.clock {
					why += ", next to a time of day: the page's clock?"
				}
				others = append(others, why+")")
			}
		}
		if len(others) > 0 {
			s.PublishedWhy += "; the text also has the date line " + strings.Join(others, ", ") + ": check which is the publication date"
		}
		if r, err := phrase.Span(pick.iso); err == nil {
			d.pub, d.pubKnown = r, true
		}
		return
	}
}

func (d *drafter) byline(p *paragraph, line string) {
	s := &d.res.Source
	rest := line
	for _, pre := range []string{"an article by ", "by ", "author:"} {
		if indexFold(rest, pre) == 0 {
			rest = rest[len(pre):]
			break
		}
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return
	}
	name, outlet := rest, ""
	if i := strings.IndexAny(rest, "@|,"); i > 0 {
		name, outlet = strings.TrimSpace(rest[:i]), strings.TrimSpace(rest[i+1:])
	}
	s.Author, s.AuthorWhy = name, fmt.Sprintf("line %d: %q", p.line, clip(line))
	if outlet != "" && s.Outlet == "" {
		s.Outlet, s.OutletWhy = outlet, s.AuthorWhy
	}
}

// dateLine reads a line that is only a date, optionally labelled
// ("Published: ..."), as an ISO date: "15.04.2024" (day first, as dotted
// dates are written), "2024-01-04", "January 4, 2024", "17 May 2024".
func dateLine(line string, toks []token) (string, bool) {
	for len(toks) > 0 && toks[0].kind == tWord && toks[0].is("published", "updated", "posted", "date", "on") {
		toks = toks[1:]
		if len(toks) > 0 && toks[0].isPunct(":") {
			toks = toks[1:]
		}
	}
	if len(toks) > 0 && toks[0].kind == tWord && weekdays[toks[0].key] {
		toks = toks[1:]
		if len(toks) > 0 && toks[0].isPunct(",") {
			toks = toks[1:]
		}
	}
	if len(toks) == 1 && toks[0].kind == tNum && strings.Count(toks[0].text, ".") == 2 {
		parts := strings.Split(toks[0].text, ".")
		dd, e1 := strconv.Atoi(parts[0])
		mm, e2 := strconv.Atoi(parts[1])
		yy, e3 := strconv.Atoi(parts[2])
		if e1 == nil && e2 == nil && e3 == nil && len(parts[2]) == 4 && dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 {
			iso := fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
			if _, err := phrase.Span(iso); err == nil {
				return iso, true
			}
		}
		return "", false
	}
	if len(toks) == 0 {
		return "", false
	}
	h, ok := dateAt(toks, 0)
	if !ok || h.t1 != len(toks) && !(h.t1 == len(toks)-1 && toks[h.t1].isPunct(".")) || h.year == 0 || h.day == 0 {
		return "", false
	}
	iso := fmt.Sprintf("%04d-%02d-%02d", h.year, h.month, h.day)
	if _, err := phrase.Span(iso); err != nil {
		return "", false
	}
	return iso, true
}

// isClock reports a line that is a time of day, perhaps with a weekday:
// "Friday, 16:12".
func isClock(toks []token) bool {
	digitsColon := false
	for i, t := range toks {
		switch {
		case t.kind == tWord && (weekdays[t.key] || t.is("am", "pm", "gmt", "utc")):
		case t.kind == tNum:
		case t.isPunct(":") && i > 0 && toks[i-1].kind == tNum:
			digitsColon = true
		case t.isPunct(","):
		default:
			return false
		}
	}
	return digitsColon
}

// isShouted reports a line in capitals: a kicker ("WHO IS THEIR FOE?")
// more often than a headline.
func isShouted(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 4 && upper == letters
}

// indexFold is strings.Index ignoring ASCII case, for a lower-case ASCII
// sub. Lower-casing the whole line instead could change its length
// (non-ASCII letters), and the index would then cut the line wrongly.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		match := true
		for j := 0; j < len(sub) && match; j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			match = c == sub[j]
		}
		if match {
			return i
		}
	}
	return -1
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:57]) + "..."
}
