package gen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/biter777/countries"
)

// The world is everything shared by the sources: the vocabulary and each
// event's truth. It is built in one goroutine from the seed, so it is the
// same on every run.

type place struct {
	id, name string
	aliases  []string
	within   string // place id or country code
	country  int    // index into countryList
	region   int    // index into world.places, -1 for a region
	city     int    // index into world.places, -1 unless a site
	level    int    // 0 region, 1 city, 2 site
}

type org struct {
	organisation
	parent int // index into world.orgs, -1 for a parent
}

type person struct {
	id, name string
	aliases  []string
	org      string
}

// event is an event's vocabulary entry and its truth, from which every
// source's claims are drawn.
type event struct {
	id, name string
	aliases  []string
	day      time.Time
	place    int // the most precise place: a site or a city
	city     int
	method   int   // index into categoryList
	org      int   // index into world.orgs; -1: unknown attackers
	lone     bool  // with org -1: a lone attacker
	nats     []int // indexes into nationalityList
	deaths   int
	injured  int
	perps    int
	hot      bool
}

type world struct {
	places    []place
	orgs      []org
	people    []person
	events    []event
	hot       []int // indexes of the few events that get a fifth of the sources
	natIdx    map[string]int
	catIdx    map[string]int // "property/id"
	byCountry [][]int        // city indexes by country
}

var (
	startDay = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	spanDays = 6*365 + 1
)

func newWorld(seed uint64, nEvents int) *world {
	r := rand.New(rand.NewPCG(seed, 0x5eed_0f_3011d))
	w := &world{natIdx: map[string]int{}, catIdx: map[string]int{}}
	for i, n := range nationalityList {
		w.natIdx[n.id] = i
	}
	for i, c := range categoryList {
		w.catIdx[c.property+"/"+c.id] = i
	}

	// Names already taken in the place and country namespaces (which the
	// vocabulary checks against each other), and in the event namespace.
	placeKeys := map[string]bool{}
	for _, c := range countries.All() {
		s := c.String()
		placeKeys[key(s)] = true
		if i := strings.Index(s, " ("); i > 0 {
			placeKeys[key(s[:i])] = true
		}
	}
	for _, c := range countryList {
		placeKeys[key(c.name)] = true
		for _, a := range c.aliases {
			placeKeys[key(a)] = true
		}
	}
	takeName := func(s string) bool {
		k := key(s)
		if k == "" || placeKeys[k] {
			return false
		}
		placeKeys[k] = true
		return true
	}
	newName := func(syllables int) string {
		for {
			var b strings.Builder
			for i := 0; i < syllables; i++ {
				b.WriteString(onsets[r.IntN(len(onsets))])
				b.WriteString(nuclei[r.IntN(len(nuclei))])
				if i == syllables-1 || r.IntN(3) == 0 {
					b.WriteString(codas[r.IntN(len(codas))])
				}
			}
			b.WriteString(placeSuffix[r.IntN(len(placeSuffix))])
			s := capitalize(b.String())
			if len(s) >= 5 && takeName(s) {
				return s
			}
		}
	}

	// Regions: five per country.
	w.byCountry = make([][]int, len(countryList))
	var regions []int
	for ci, c := range countryList {
		for j := 0; j < 5; j++ {
			base := newName(2)
			name := base + " Province"
			takeName(name)
			w.places = append(w.places, place{
				id: slug(name), name: name, aliases: []string{base + " region"}, within: c.code,
				country: ci, region: -1, city: -1, level: 0,
			})
			takeName(base + " region")
			regions = append(regions, len(w.places)-1)
		}
	}
	// Cities: about one per fifteen events, at least sixty.
	nCities := max(60, nEvents/15)
	for j := 0; j < nCities; j++ {
		ri := regions[r.IntN(len(regions))]
		name := newName(2 + r.IntN(2))
		p := place{id: slug(name), name: name, within: w.places[ri].id, country: w.places[ri].country, region: ri, city: -1, level: 1}
		if r.IntN(4) == 0 {
			// A transliteration variant as an alias.
			alt := strings.NewReplacer("kh", "ch", "sh", "sch", "ou", "u", "q", "k", "zh", "j").Replace(name)
			if alt != name && takeName(alt) {
				p.aliases = append(p.aliases, alt)
			}
		}
		w.places = append(w.places, p)
		w.byCountry[p.country] = append(w.byCountry[p.country], len(w.places)-1)
	}
	for ci := range w.byCountry {
		if len(w.byCountry[ci]) == 0 {
			// Every country needs a city for wrong-place claims.
			ri := regions[ci*5]
			name := newName(2)
			w.places = append(w.places, place{id: slug(name), name: name, within: w.places[ri].id, country: ci, region: ri, city: -1, level: 1})
			w.byCountry[ci] = append(w.byCountry[ci], len(w.places)-1)
		}
	}
	// Sites are made as events need them; a city's sites are reused.
	sites := map[int]map[int]int{} // city → site kind → place index, -1 if unusable

	// Organisations: each parent and its wings.
	for j, p := range orgParents {
		w.orgs = append(w.orgs, org{organisation: p, parent: -1})
		pi := len(w.orgs) - 1
		for _, wg := range wings {
			w.orgs = append(w.orgs, org{organisation: organisation{
				id:      slug(p.name + " " + wg.suffix),
				name:    p.name + " " + wg.suffix,
				aliases: []string{p.aliases[0] + "-" + wg.alias},
				within:  []string{p.id},
			}, parent: pi})
		}
		first, last := personFirst[j%len(personFirst)], personLast[(j*7+3)%len(personLast)]
		w.people = append(w.people, person{
			id:      slug(first + " " + last),
			name:    first + " " + last,
			aliases: []string{"Abu " + first + " " + last[:1] + "."},
			org:     p.id,
		})
	}

	// Events: dates rise with the id, so an event's neighbours below it
	// are earlier events a source may mention in passing.
	hotEvery := max(1, nEvents/max(1, nEvents/100))
	eventKeys := map[string]bool{}
	totalW := 0
	for _, m := range methodWeights {
		totalW += m.w
	}
	for i := 0; i < nEvents; i++ {
		e := event{id: eventID(i), org: -1}
		e.day = startDay.AddDate(0, 0, int(int64(i)*int64(spanDays)/int64(nEvents))+r.IntN(2))
		e.hot = i%hotEvery == hotEvery/2 && len(w.hot) < max(1, nEvents/100)
		if e.hot {
			w.hot = append(w.hot, i)
		}
		// Hot events happen in a few big cities.
		if e.hot {
			e.city = w.byCountry[len(w.hot)%len(countryList)][0]
		} else {
			ci := r.IntN(len(countryList))
			cs := w.byCountry[ci]
			e.city = cs[r.IntN(len(cs))]
		}
		e.place = e.city
		x := r.IntN(totalW)
		for _, m := range methodWeights {
			if x -= m.w; x < 0 {
				e.method = w.catIdx["method/"+m.id]
				break
			}
		}
		if e.hot || r.IntN(10) < 6 {
			// At a site in the city; a city's sites are reused.
			k := r.IntN(len(siteKinds))
			if sites[e.city] == nil {
				sites[e.city] = map[int]int{}
			}
			si, ok := sites[e.city][k]
			if !ok {
				si = -1
				c := w.places[e.city]
				name := fmt.Sprintf(siteKinds[k].pattern, c.name)
				if takeName(name) {
					p := place{id: slug(name), name: name, within: c.id, country: c.country, region: c.region, city: e.city, level: 2}
					if siteKinds[k].alias != "" {
						if a := fmt.Sprintf(siteKinds[k].alias, c.name); takeName(a) {
							p.aliases = append(p.aliases, a)
						}
					}
					w.places = append(w.places, p)
					si = len(w.places) - 1
				}
				sites[e.city][k] = si
			}
			if si >= 0 {
				e.place = si
			}
		}
		// Who did it.
		switch x := r.IntN(100); {
		case x < 70:
			e.org = r.IntN(len(w.orgs))
		case x < 80:
			e.lone = true
		}
		pool := perpetratorPools[countryList[w.places[e.city].country].code]
		e.nats = []int{w.natIdx[pool[r.IntN(len(pool))]]}
		if r.IntN(5) == 0 {
			if n2 := w.natIdx[pool[r.IntN(len(pool))]]; n2 != e.nats[0] {
				e.nats = append(e.nats, n2)
			}
		}
		// Tolls: mostly small, a long tail; hot events are large.
		mu, sigma := 2.0, 1.1
		if e.hot {
			mu, sigma = 4.6, 0.5
		}
		e.deaths = min(950, max(1, int(math.Exp(mu+sigma*r.NormFloat64()))))
		e.injured = max(1, e.deaths+int(float64(e.deaths)*3*r.Float64())+r.IntN(10))
		e.perps = 1 + r.IntN(4)
		if e.lone {
			e.perps = 1
		}
		if r.IntN(8) == 0 {
			e.perps += 3 + r.IntN(6)
		}

		// A readable, unique name.
		c := w.places[e.city]
		noun := categoryList[e.method].noun
		name := fmt.Sprintf("%s %s of %d %s %d", c.name, noun, e.day.Day(), monthFull[e.day.Month()], e.day.Year())
		for n := 2; eventKeys[key(name)]; n++ {
			name = fmt.Sprintf("%s %s of %d %s %d (%d)", c.name, noun, e.day.Day(), monthFull[e.day.Month()], e.day.Year(), n)
		}
		eventKeys[key(name)] = true
		e.name = name
		if e.place != e.city && r.IntN(2) == 0 {
			a := fmt.Sprintf("%s attack of %s %d", w.places[e.place].name, monthFull[e.day.Month()], e.day.Year())
			if !eventKeys[key(a)] {
				eventKeys[key(a)] = true
				e.aliases = append(e.aliases, a)
			}
		}
		w.events = append(w.events, e)
	}
	return w
}

func eventID(i int) string { return fmt.Sprintf("ev-%05d", i+1) }

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'':
		default:
			dash = true
		}
	}
	return b.String()
}
