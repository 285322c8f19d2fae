package vocab

import "github.com/crosscheck/crosscheck/reconcile"

// At locates a definition in its file, so that a problem found while
// building the vocabulary points at the key that causes it.
type At struct {
	Pos  reconcile.Pos            // of the table's header
	Keys map[string]reconcile.Pos // of each key present, by key name
}

// Key is the position of key, or of the header when the key is absent
// (a missing key is reported where its table starts).
func (a At) Key(key string) reconcile.Pos {
	if p, ok := a.Keys[key]; ok {
		return p
	}
	return a.Pos
}

// The *Def types are the vocabulary tables as the loader decoded them, with
// types already checked; Build checks what they mean.

type EventDef struct {
	ID, Name    string
	Aliases     []string
	Date        string // as written; the loader checks its form
	Place       string // place id or ISO 3166 alpha-2 code; "" if none
	Description string
	At          At
}

type PropertyDef struct {
	ID, Name    string
	Kind        string
	Cumulative  bool
	Terms       []string // category kind: vocabularies its values come from
	Description string
	At          At
}

type PlaceDef struct {
	ID, Name string
	Aliases  []string
	Within   string // place id or ISO 3166 alpha-2 code; "" if none
	At       At
}

type CountryDef struct {
	Code    string
	Name    string // optional display name replacing the ISO one
	Aliases []string
	At      At
}

type NationalityDef struct {
	ID, Name string
	Aliases  []string
	Country  string // optional ISO 3166 alpha-2 code
	Within   []string
	At       At
}

type OrganisationDef struct {
	ID, Name string
	Aliases  []string
	Within   []string
	At       At
}

type PersonDef struct {
	ID, Name      string
	Aliases       []string
	Organisations []string
	At            At
}

type CategoryDef struct {
	Property string
	ID, Name string
	Aliases  []string
	Within   []string
	At       At
}

// Defs is every vocabulary table of a corpus, each list in file order (files
// sorted by path), which makes "the later one is the duplicate" well defined.
type Defs struct {
	Events        []EventDef
	Properties    []PropertyDef
	Places        []PlaceDef
	Countries     []CountryDef
	Nationalities []NationalityDef
	Organisations []OrganisationDef
	Persons       []PersonDef
	Categories    []CategoryDef
}
