package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/reconcile"
)

// Markdown writes the findings for a pull-request comment or a GitHub job
// summary: a heading, one line of counts, a table of findings (open first)
// with where each is in the claim files, a table of groups, and any
// problems with the input. Every text from a claim file or the vocabulary
// passes through mdText, so no quote, title or value can break a table
// row or add markup, links, mentions or HTML.
func Markdown(w io.Writer, r reconcile.Result) error {
	p := &printer{w: w}
	findings := sortedFindings(r.Findings)
	t := tallyFindings(findings)
	p.printf("## crosscheck: %s\n\n", plural(t.open, "open finding"))
	line := corpusLine(StatsOf(r)) + "; " + plural(len(r.Groups), "group")
	if t.open > 0 {
		line += "; open: " + severityCounts(t.errors, t.warnings, t.notes)
	}
	if t.resolved > 0 {
		line += fmt.Sprintf("; %d resolved", t.resolved)
	}
	if len(r.Problems) > 0 {
		pe, pw, pn := countProblems(r.Problems)
		line += "; problems: " + severityCounts(pe, pw, pn)
	}
	p.printf("%s\n", line)

	if len(findings) == 0 {
		p.printf("\nNo findings: every claim can hold with the others.\n")
	} else {
		p.printf("\n### Findings\n\n")
		p.printf("| kind | severity | status | event | property | summary | where |\n")
		p.printf("|---|---|---|---|---|---|---|\n")
		for _, f := range findings {
			p.printf("| %s | %s | %s | %s | %s | %s | %s |\n",
				mdText(string(f.Kind)), mdText(string(f.Severity)), mdStatus(f.Status),
				mdText(htmlEventName(r, f.Event)), mdText(htmlPropertyDisplay(r, f.Property)),
				mdText(f.Summary), mdText(htmlWhere(f.Where())))
		}
	}

	if groups := sortedGroups(r.Groups); len(groups) > 0 {
		p.printf("\n### Groups\n\n")
		p.printf("| event | property | claims | agreed | estimate | open findings |\n")
		p.printf("|---|---|---:|---|---|---:|\n")
		for _, g := range groups {
			agreed, est := "", ""
			if g.Agreed != nil {
				agreed = agreedText(*g.Agreed, g.Kind)
			}
			if e := estimate(g); e != nil {
				est = estimateText(*e)
			}
			n := 0
			for _, f := range g.Findings {
				if f.Status == reconcile.Open {
					n++
				}
			}
			p.printf("| %s | %s | %d | %s | %s | %d |\n",
				mdText(htmlEventName(r, g.Event)), mdText(htmlPropertyDisplay(r, g.Property)),
				len(g.Claims), mdText(agreed), mdText(est), n)
		}
	}

	if problems := sortedProblems(r.Problems); len(problems) > 0 {
		p.printf("\n### Problems\n\n")
		p.printf("| severity | message | where |\n")
		p.printf("|---|---|---|\n")
		for _, pr := range problems {
			p.printf("| %s | %s | %s |\n", mdText(string(pr.Severity)), mdText(pr.Message), mdText(pr.Pos.String()))
		}
	}
	return p.err
}

// mdStatus bolds open findings so they stand out in a long table.
func mdStatus(s reconcile.Status) string {
	if s == reconcile.Open {
		return "**open**"
	}
	return mdText(string(s))
}

// mdText makes text safe inside a GitHub-flavoured Markdown table cell:
//
//   - line breaks and tabs become spaces, so a cell stays on its row;
//   - & < > become entities, so no HTML (or entity) gets through;
//   - Markdown punctuation is backslash-escaped: | (which would end the
//     cell even inside code), ` * _ ~ [ ] ! # and the backslash itself;
//   - autolinks are defused by escaping the ":" of "://" and the "." of
//     "www.", which GitHub would otherwise turn into links;
//   - "@" is followed by a word joiner (U+2060), since GitHub turns
//     @name into a mention that notifies someone however it is escaped.
//
// The text reads the same once rendered; only the source looks busier.
func mdText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '|', '`', '*', '_', '~', '[', ']', '!', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		case ':':
			if strings.HasPrefix(s[i:], "://") {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case '.':
			if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case '@':
			b.WriteString("@\u2060")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
