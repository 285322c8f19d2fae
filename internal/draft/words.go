package draft

// The word lists the finders use. They are deliberately short: a word
// belongs here only if, next to a figure, it says what the figure counts
// (or that it counts nothing a fact-checker tracks).

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	// Verbs directly before a figure: "killing 137", "injuring more than 100".
	verbFamily = map[string]family{
		"killed": famDeaths, "killing": famDeaths, "kill": famDeaths, "kills": famDeaths,
		"massacred": famDeaths, "massacring": famDeaths, "slaughtered": famDeaths,
		"assassinated": famDeaths, "murdered": famDeaths, "murdering": famDeaths, "beheaded": famDeaths,
		"injured": famInjured, "injuring": famInjured, "injure": famInjured, "injures": famInjured,
		"wounded": famInjured, "wounding": famInjured, "wound": famInjured, "wounds": famInjured,
		"maimed": famInjured, "maiming": famInjured,
		"arrested": famArrests, "arresting": famArrests, "arrest": famArrests, "arrests": famArrests,
		"detained": famArrests, "detaining": famArrests, "detain": famArrests, "detains": famArrests,
		"apprehended": famArrests, "apprehending": famArrests, "apprehend": famArrests,
	}
	// Nouns governing a figure through "of" (or "on", "to" for injuries):
	// "the deaths of 13", "claimed the lives of 131", "the detention of
	// 2,919", "inflicting injuries on approximately 80".
	nominalFamily = map[string]family{
		"deaths": famDeaths, "death": famDeaths, "lives": famDeaths, "killing": famDeaths, "killings": famDeaths,
		"assassination": famDeaths, "assassinations": famDeaths, "murder": famDeaths, "murders": famDeaths,
		"injuries": famInjured, "injury": famInjured, "wounding": famInjured,
		"detention": famArrests, "detentions": famArrests, "arrest": famArrests, "arrests": famArrests,
		"apprehension": famArrests,
	}
	// Nouns right after a figure (modifiers allowed between): "over 130
	// fatalities", "four severely beaten suspects", "84 dead".
	headFamily = map[string]family{
		"dead": famDeaths, "deaths": famDeaths, "fatalities": famDeaths, "lives": famDeaths,
		"killed": famDeaths, "died": famDeaths, "perished": famDeaths, "bodies": famDeaths,
		"injured": famInjured, "wounded": famInjured, "injuries": famInjured, "hurt": famInjured,
		"bombers": famPerpetrators, "bomber": famPerpetrators, "gunmen": famPerpetrators, "gunman": famPerpetrators,
		"attackers": famPerpetrators, "attacker": famPerpetrators, "perpetrators": famPerpetrators,
		"perpetrator": famPerpetrators, "suspects": famPerpetrators, "suspect": famPerpetrators,
		"assailants": famPerpetrators, "assailant": famPerpetrators, "shooters": famPerpetrators,
		"shooter": famPerpetrators, "terrorists": famPerpetrators,
		"arrests": famArrests, "arrested": famArrests, "detained": famArrests, "detainees": famArrests,
		"apprehended": famArrests,
	}
	// Heads that may only follow the figure directly ("84 dead"), since
	// after a noun they are a participle ("... people killed") handled as
	// a passive.
	bareHeads = set("dead", "killed", "died", "perished", "injured", "wounded", "hurt", "arrested", "detained", "apprehended")
	// Participles after a counted noun: "91 people were killed", "nine
	// individuals arrested", "Several Tajik nationals were arrested".
	participleFamily = map[string]family{
		"killed": famDeaths, "dead": famDeaths, "died": famDeaths, "perished": famDeaths,
		"injured": famInjured, "wounded": famInjured, "hurt": famInjured,
		"arrested": famArrests, "detained": famArrests, "apprehended": famArrests,
	}
	// Words between a noun and its participle: "were", "have been",
	// "reportedly", "are feared".
	auxiliaries = set("were", "was", "are", "is", "have", "has", "had", "been", "being", "be",
		"reportedly", "also", "later", "all", "allegedly", "confirmed", "now", "already",
		"initially", "subsequently", "reported", "believed", "feared", "thought", "said",
		"to", "officially", "eventually", "so", "far")
	// Nouns for people that a figure may count without saying how they
	// fared; a participle or the governing word has to say that.
	personNouns = set("people", "persons", "person", "individuals", "individual", "civilians",
		"civilian", "others", "victims", "men", "women", "children", "members", "nationals",
		"protestors", "protesters", "soldiers", "personnel", "troops", "worshippers", "pilgrims",
		"citizens", "residents", "police", "officers", "policemen", "guards", "militants",
		"fighters", "recruits", "staff", "workers", "students", "servicemen", "marines",
		"mourners", "visitors", "spectators", "concertgoers", "tourists", "migrants", "refugees")
	// Words that carry out an attack, for "carried out by two ... members".
	perpetratedBy = set("perpetrated", "committed", "executed", "conducted", "staged", "orchestrated")
	// Units: a figure followed by one is a measure, not a count of people.
	units = set("years", "year", "months", "month", "weeks", "week", "days", "day", "hours",
		"hour", "minutes", "minute", "seconds", "second", "times", "percent", "per", "pct",
		"km", "kilometres", "kilometers", "miles", "mile", "metres", "meters", "feet", "ft",
		"dollars", "euros", "pounds", "rubles", "roubles", "rials", "tons", "tonnes", "kg",
		"pages", "page", "anniversary", "decades", "decade", "centuries", "century", "am",
		"pm", "gmt", "utc", "sq", "square", "acres", "degrees", "kilograms", "grams", "points",
		"votes", "seats", "countries", "languages", "operations", "attacks", "episodes",
		"bombs", "bombings", "incidents", "issues", "brigades", "groups", "cases")
	// Words that precede a number that is not a count: a page, a phone, a
	// flight, an age.
	notCountBefore = set("page", "pages", "p", "pp", "no", "number", "tel", "phone", "fax",
		"call", "room", "flight", "route", "article", "chapter", "section", "resolution",
		"aged", "age", "ages", "vol", "volume", "issue", "edition", "episode", "part")
	// Words that end a modifier run between a figure and its noun.
	stopWords = set("of", "in", "at", "on", "to", "for", "by", "with", "the", "a", "an", "and",
		"or", "but", "who", "which", "that", "were", "was", "is", "are", "had", "have", "has",
		"been", "be", "from", "as", "after", "before", "during", "including", "among", "than",
		"into", "while", "when", "where", "whom", "whose", "its", "their", "his", "her", "this",
		"these", "those", "it", "they", "he", "she", "we", "you", "i", "not", "no", "more",
		"less", "over", "under", "about", "between", "through", "across", "against", "per",
		"each", "every", "some", "any", "all", "both", "if", "then", "so", "such", "there",
		"here", "what", "will", "would", "could", "should", "may", "might", "can", "did", "do",
		"does", "said", "says", "reported", "according")
	// Determiners in "two of their suicide bombers", "13 of the dead".
	ofDeterminers = set("the", "their", "its", "them", "whom", "those", "these", "his", "her", "our")
)

// incidentWords mark a clause as being about an attack (or an arrest),
// which is what lets a date, a place or a nationality in it become a claim.
var incidentWords = set("attack", "attacks", "attacked", "bombing", "bombings", "bombed",
	"bomb", "bombs", "blast", "blasts", "explosion", "explosions", "exploded", "shooting",
	"shootings", "massacre", "strike", "assault", "incursion", "incursions", "killed",
	"killing", "killings", "died", "dead", "deaths", "suicide", "detonated", "gunmen",
	"bombers", "hostage", "hostages", "raid", "stabbing", "arson", "ablaze", "plot",
	"arrested", "detained", "apprehension", "arrests", "injured", "wounded", "casualties",
	"fatalities", "victims", "toll", "assassination", "assassinated", "terrorist", "opened",
	"carried", "perpetrated", "ambush", "rampage", "siege", "lives", "claimed", "struck",
	"assailants", "attackers", "perpetrators", "responsibility")

// monthNumber maps month words (capitalised in the text) to their number.
var monthNumber = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
	"apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
