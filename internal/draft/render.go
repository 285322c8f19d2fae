package draft

import (
	"fmt"
	"strings"
	"unicode"
)

// Layout says what the TOML needs from outside the text: how to name the
// article, and the `text` key.
type Layout struct {
	Article string // the article as the user named it, for the header
	// Text is the article's path relative to the output file, when it is
	// inside the corpus; "" leaves `text` commented out with TextHint.
	Text     string
	TextHint string
}

// TOML renders a draft as a source file in the format of docs/format.md,
// with a comment on every proposal saying why it was made.
func (r *Result) TOML(l Layout) []byte {
	var b strings.Builder
	todo := r.Unassigned()
	comment(&b, fmt.Sprintf("Drafted by `crosscheck draft` from %s. Every claim below is a proposal for a person to review: keep it, fix it, or delete it. Values are the article's own words; quotes are whole sentences copied from it, so `crosscheck lint` verifies them against the archived text.", l.Article))
	b.WriteString("#\n")
	summary := fmt.Sprintf("%d claims proposed", len(r.Claims))
	if todo > 0 {
		summary += fmt.Sprintf(", %d of them with event = %q: draft could not tell which event they are about. Put an event id from the vocabulary there (lint reports each one until you do), or delete the claim", todo, TodoEvent)
	}
	summary += "."
	if r.Prose == 0 {
		summary += " The text has no prose to draft from: no paragraph reads as sentences (a full stop, or a dozen words or more)."
	}
	if r.Skipped > 0 {
		summary += fmt.Sprintf(" %d paragraphs were left out as page furniture, captions or headings.", r.Skipped)
	}
	if r.Dropped > 0 {
		summary += fmt.Sprintf(" %d more proposals were left out: draft stops at %d claims per article.", r.Dropped, len(r.Claims))
	}
	if len(r.Missing) > 0 {
		summary += " Not looked for, as the vocabulary has no property for them: " + strings.Join(r.Missing, ", ") + "."
	}
	comment(&b, summary)
	b.WriteString("\n[source]\n")
	s := r.Source
	if s.Title != "" {
		comment(&b, "title: the first line that reads as a headline ("+s.TitleWhy+"); check it")
		fmt.Fprintf(&b, "title = %s\n", tomlString(s.Title))
	} else {
		comment(&b, "title: TODO, the text has no line that reads as a headline")
		fmt.Fprintf(&b, "title = %s\n", tomlString("TODO"))
	}
	if s.Published != "" {
		comment(&b, "published: "+s.PublishedWhy)
		fmt.Fprintf(&b, "published = %s\n", tomlString(s.Published))
	} else {
		comment(&b, "published: TODO, "+s.PublishedWhy+". Write the date as precisely as the text allows (\"2024-01-04\", \"2024-01\", or a span \"2024-01-04..2024-01-31\"); year-less and relative dates in the claims are read against it")
		fmt.Fprintf(&b, "published = %s\n", tomlString(TodoPublished))
	}
	if l.Text != "" {
		fmt.Fprintf(&b, "text = %s\n", tomlString(l.Text))
	} else {
		hint := l.TextHint
		if hint == "" {
			hint = "set text to the archived article's path, relative to this file and inside the claims directory"
		}
		comment(&b, "text = \"...\"  ("+hint+")")
	}
	placeholder(&b, "outlet", s.Outlet, s.OutletWhy)
	placeholder(&b, "author", s.Author, s.AuthorWhy)
	placeholder(&b, "url", "", "")
	b.WriteString("# kind = \"news\"  (news, analysis, official statement, claim of responsibility, ...)\n")
	b.WriteString("# language = \"en\"\n")
	for _, c := range r.Claims {
		b.WriteByte('\n')
		comment(&b, fmt.Sprintf("%s (line %d)", c.Why, c.Line))
		switch {
		case c.Event != TodoEvent:
			comment(&b, "event: "+c.EventWhy)
		case len(c.Candidates) > 0:
			comment(&b, "event: TODO, "+c.EventWhy+" ("+strings.Join(c.Candidates, ", ")+"): pick one, or delete the claim")
		default:
			comment(&b, "event: TODO, "+c.EventWhy+": put the event's id here (or add the event to the vocabulary), or delete the claim")
		}
		if c.AttributedTo != "" {
			comment(&b, "attributed_to: "+c.AttributionWhy)
		}
		b.WriteString("[[claim]]\n")
		fmt.Fprintf(&b, "event = %s\n", tomlString(c.Event))
		fmt.Fprintf(&b, "property = %s\n", tomlString(c.Property))
		fmt.Fprintf(&b, "value = %s\n", tomlString(c.Value))
		fmt.Fprintf(&b, "quote = %s\n", tomlString(c.Quote))
		if c.AttributedTo != "" {
			fmt.Fprintf(&b, "attributed_to = %s\n", tomlString(c.AttributedTo))
		}
		if c.Hedge != "" {
			fmt.Fprintf(&b, "hedge = %s\n", tomlString(c.Hedge))
		}
	}
	return []byte(b.String())
}

// Unassigned counts the claims whose event is left for the reviewer.
func (r *Result) Unassigned() int {
	n := 0
	for _, c := range r.Claims {
		if c.Event == TodoEvent {
			n++
		}
	}
	return n
}

func placeholder(b *strings.Builder, key, suggestion, why string) {
	if suggestion == "" {
		fmt.Fprintf(b, "# %s = \"\"\n", key)
		return
	}
	comment(b, fmt.Sprintf("%s = %s  (suggested from %s)", key, tomlString(suggestion), why))
}

// comment writes text as comment lines of at most about 78 columns.
// Control characters cannot appear in a TOML comment, so they become
// spaces.
func comment(b *strings.Builder, text string) {
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, text)
	line := "#"
	for _, w := range strings.Fields(text) {
		if len(line) > 1 && len(line)+1+len(w) > 78 {
			b.WriteString(line + "\n")
			line = "#"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
