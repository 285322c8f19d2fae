package gen

import (
	"strings"
	"unicode"
)

// Word lists the generator draws on. Places, organisations and people are
// fictional; countries are real ISO 3166 codes (the vocabulary requires
// them) and nationalities are ordinary demonyms.

// country is an ISO 3166 alpha-2 code with the name quotes use for it. The
// name is also written as an alias in a [[country]] table, so it resolves
// whatever names the built-in ISO list gives the code.
type country struct {
	code, name string
	aliases    []string
	nats       []string // nationality ids of people from there
}

var countryList = []country{
	{"IR", "Iran", []string{"Islamic Republic of Iran"}, []string{"iranian"}},
	{"AF", "Afghanistan", []string{"Islamic Republic of Afghanistan"}, []string{"afghan"}},
	{"PK", "Pakistan", []string{"Islamic Republic of Pakistan"}, []string{"pakistani"}},
	{"IQ", "Iraq", []string{"Republic of Iraq"}, []string{"iraqi"}},
	{"SY", "Syria", []string{"Syrian Arab Republic"}, []string{"syrian"}},
	{"LB", "Lebanon", []string{"Lebanese Republic"}, []string{"lebanese"}},
	{"YE", "Yemen", []string{"Republic of Yemen"}, []string{"yemeni"}},
	{"EG", "Egypt", []string{"Arab Republic of Egypt"}, []string{"egyptian"}},
	{"NG", "Nigeria", []string{"Federal Republic of Nigeria"}, []string{"nigerian"}},
	{"ML", "Mali", []string{"Republic of Mali"}, []string{"malian"}},
	{"BF", "Burkina Faso", []string{"Burkina"}, []string{"burkinabe"}},
	{"NE", "Niger", []string{"Republic of the Niger"}, []string{"nigerien"}},
	{"SO", "Somalia", []string{"Federal Republic of Somalia"}, []string{"somali"}},
	{"KE", "Kenya", []string{"Republic of Kenya"}, []string{"kenyan"}},
	{"TJ", "Tajikistan", []string{"Republic of Tajikistan"}, []string{"tajik"}},
}

type nationality struct {
	id, name string
	aliases  []string
	country  string   // ISO code, "" for a grouping
	within   []string // grouping ids
}

var nationalityList = []nationality{
	{"asian", "Asian", []string{"Asians"}, "", nil},
	{"african", "African", []string{"Africans"}, "", nil},
	{"central-asian", "Central Asian", []string{"Central Asians"}, "", []string{"asian"}},
	{"south-asian", "South Asian", []string{"South Asians"}, "", []string{"asian"}},
	{"middle-eastern", "Middle Eastern", []string{"Middle Easterners"}, "", []string{"asian"}},
	{"north-african", "North African", []string{"North Africans"}, "", []string{"african"}},
	{"west-african", "West African", []string{"West Africans"}, "", []string{"african"}},
	{"east-african", "East African", []string{"East Africans"}, "", []string{"african"}},
	{"tajik", "Tajik", []string{"Tajiks", "Tajikistani"}, "TJ", []string{"central-asian"}},
	{"uzbek", "Uzbek", []string{"Uzbeks", "Uzbekistani"}, "UZ", []string{"central-asian"}},
	{"kyrgyz", "Kyrgyz", []string{"Kirghiz", "Kyrgyzstani"}, "KG", []string{"central-asian"}},
	{"turkmen", "Turkmen", []string{"Turkmens", "Turkmenistani"}, "TM", []string{"central-asian"}},
	{"afghan", "Afghan", []string{"Afghans", "Afghani"}, "AF", []string{"south-asian"}},
	{"pakistani", "Pakistani", []string{"Pakistanis"}, "PK", []string{"south-asian"}},
	{"iranian", "Iranian", []string{"Iranians"}, "IR", []string{"middle-eastern"}},
	{"iraqi", "Iraqi", []string{"Iraqis"}, "IQ", []string{"middle-eastern"}},
	{"syrian", "Syrian", []string{"Syrians"}, "SY", []string{"middle-eastern"}},
	{"lebanese", "Lebanese", nil, "LB", []string{"middle-eastern"}},
	{"yemeni", "Yemeni", []string{"Yemenis"}, "YE", []string{"middle-eastern"}},
	{"egyptian", "Egyptian", []string{"Egyptians"}, "EG", []string{"north-african"}},
	{"nigerian", "Nigerian", []string{"Nigerians"}, "NG", []string{"west-african"}},
	{"malian", "Malian", []string{"Malians"}, "ML", []string{"west-african"}},
	{"burkinabe", "Burkinabe", []string{"Burkinabes"}, "BF", []string{"west-african"}},
	{"nigerien", "Nigerien", []string{"Nigeriens"}, "NE", []string{"west-african"}},
	{"somali", "Somali", []string{"Somalis"}, "SO", []string{"east-african"}},
	{"kenyan", "Kenyan", []string{"Kenyans"}, "KE", []string{"east-african"}},
}

// Perpetrators come mostly from their own region; the groupings a truth is
// drawn from, by the event's country.
var perpetratorPools = map[string][]string{
	"IR": {"tajik", "uzbek", "afghan", "pakistani", "iranian", "turkmen"},
	"AF": {"afghan", "tajik", "uzbek", "pakistani"},
	"PK": {"pakistani", "afghan", "uzbek"},
	"IQ": {"iraqi", "syrian", "iranian"},
	"SY": {"syrian", "iraqi", "lebanese"},
	"LB": {"lebanese", "syrian"},
	"YE": {"yemeni", "somali"},
	"EG": {"egyptian"},
	"NG": {"nigerian", "nigerien"},
	"ML": {"malian", "burkinabe", "nigerien"},
	"BF": {"burkinabe", "malian"},
	"NE": {"nigerien", "malian", "nigerian"},
	"SO": {"somali", "kenyan"},
	"KE": {"somali", "kenyan"},
	"TJ": {"tajik", "uzbek", "kyrgyz", "afghan"},
}

type category struct {
	property, id, name string
	aliases            []string
	within             []string
	noun               string // how an event of this method is named: "bombing"
}

var categoryList = []category{
	{"method", "bombing", "bombing", []string{"bombings", "bomb attack", "explosions", "blasts"}, nil, "bombing"},
	{"method", "suicide-bombing", "suicide bombing", []string{"suicide bombings", "suicide bombers", "suicide attack"}, []string{"bombing"}, "suicide bombing"},
	{"method", "car-bombing", "car bombing", []string{"car bomb", "car bombs", "vehicle bomb"}, []string{"bombing"}, "car bombing"},
	{"method", "roadside-bombing", "roadside bombing", []string{"roadside bomb", "IED attack", "improvised explosive device"}, []string{"bombing"}, "roadside bombing"},
	{"method", "shooting", "shooting", []string{"gun attack", "shootings", "gunfire"}, nil, "shooting"},
	{"method", "mass-shooting", "mass shooting", []string{"shooting spree"}, []string{"shooting"}, "massacre"},
	{"method", "armed-assault", "armed assault", []string{"armed attack", "storming", "raid"}, []string{"shooting"}, "assault"},
	{"method", "rocket-attack", "rocket attack", []string{"rocket fire", "rockets", "shelling"}, nil, "rocket attack"},
	{"method", "drone-strike", "drone strike", []string{"drone attack", "drones"}, nil, "drone strike"},
	{"method", "arson", "arson", []string{"arson attack", "fire attack"}, nil, "arson attack"},
	{"method", "stabbing", "stabbing", []string{"knife attack", "stabbings"}, nil, "stabbing"},
	{"responsibility", "unknown-attackers", "unknown attackers", []string{"unidentified gunmen", "unidentified attackers"}, nil, ""},
	{"responsibility", "lone-attacker", "lone attacker", []string{"lone gunman", "lone wolf"}, []string{"unknown-attackers"}, ""},
}

// methods are the method categories an event's truth is drawn from, with
// weights.
var methodWeights = []struct {
	id string
	w  int
}{
	{"suicide-bombing", 18}, {"car-bombing", 14}, {"roadside-bombing", 12}, {"bombing", 8},
	{"mass-shooting", 8}, {"armed-assault", 12}, {"shooting", 6}, {"rocket-attack", 8},
	{"drone-strike", 6}, {"arson", 4}, {"stabbing", 4},
}

type organisation struct {
	id, name string
	aliases  []string
	within   []string
}

var orgParents = []organisation{
	{"black-ridge-brigade", "Black Ridge Brigade", []string{"BRB", "Black Ridge"}, nil},
	{"free-delta-movement", "Free Delta Movement", []string{"FDM", "Delta Movement"}, nil},
	{"coastal-revolutionary-army", "Coastal Revolutionary Army", []string{"CRA", "Coastal Army"}, nil},
	{"iron-crescent-network", "Iron Crescent Network", []string{"ICN", "Iron Crescent"}, nil},
	{"sons-of-the-highlands", "Sons of the Highlands", []string{"SOTH", "Highland Sons"}, nil},
	{"peoples-vanguard", "People's Vanguard", []string{"PV", "the Vanguard"}, nil},
	{"desert-hawks", "Desert Hawks", []string{"DH", "Hawks of the Desert"}, nil},
	{"eastern-command-group", "Eastern Command Group", []string{"ECG", "Eastern Command"}, nil},
	{"valley-liberation-front", "Valley Liberation Front", []string{"VLF", "Valley Front"}, nil},
	{"army-of-the-ninth-gate", "Army of the Ninth Gate", []string{"ANG", "Ninth Gate"}, nil},
}

// wings are the branches each parent organisation has, named
// "<parent> <wing>".
var wings = []struct{ suffix, alias string }{
	{"Northern Wing", "N"}, {"Southern Wing", "S"}, {"Frontier Command", "F"},
}

var personFirst = []string{"Amir", "Hassan", "Yusuf", "Karim", "Omar", "Rustam", "Ibrahim", "Farid", "Samir", "Tariq", "Daud", "Nasser", "Bilal", "Idris", "Zaid", "Malik"}
var personLast = []string{"Haddad", "Rahimov", "Qureshi", "Azizi", "Mansour", "Karimov", "Barzani", "Sadiq", "Nazari", "Jalali", "Osmani", "Rahmani", "Khalid", "Saleh", "Tahir", "Wardak"}

var authorFirst = []string{"Jane", "John", "Maria", "Ahmed", "Sara", "David", "Leila", "Peter", "Anna", "Mohammed", "Laura", "James", "Nadia", "Tom", "Fatima", "Chris", "Elena", "Ali", "Emma", "Daniel", "Hana", "Paul", "Zainab", "Mark"}
var authorLast = []string{"Doe", "Smith", "Haddad", "Garcia", "Karimi", "Brown", "Novak", "Rossi", "Okafor", "Ibrahim", "Miller", "Chen", "Petrov", "Hughes", "Mensah", "Ward", "Silva", "Kowalski", "Aziz", "Fischer", "Murphy", "Osei", "Laurent", "Kaya"}

// outlets: name, URL host, kind most of its pieces are.
var outletList = []struct{ name, host, kind string }{
	{"Daily Ledger", "dailyledger", "news"}, {"Northern Wire", "northernwire", "news"},
	{"Global Dispatch", "globaldispatch", "news"}, {"Evening Courier", "eveningcourier", "news"},
	{"Capital Times", "capitaltimes", "news"}, {"Frontline Report", "frontlinereport", "news"},
	{"Regional Observer", "regionalobserver", "news"}, {"World Press Agency", "wpa", "news"},
	{"Continental News Service", "cns", "news"}, {"Morning Herald", "morningherald", "news"},
	{"The Sentinel", "sentinel", "news"}, {"Harbour Post", "harbourpost", "news"},
	{"Security Review", "securityreview", "analysis"}, {"Policy Forum", "policyforum", "analysis"},
	{"Conflict Monitor", "conflictmonitor", "analysis"}, {"Strategic Quarterly", "stratq", "analysis"},
	{"Ministry of Interior", "interior", "official statement"}, {"Provincial Government", "province", "official statement"},
	{"Emergency Services Bureau", "esb", "official statement"}, {"Open Channel", "openchannel", "claim of responsibility"},
	{"Radio Meridian", "radiomeridian", "news"}, {"Citizen Voice", "citizenvoice", "news"},
	{"Metro Bulletin", "metrobulletin", "news"}, {"Independent Tribune", "tribune", "news"},
}

// authorities are who a figure is attributed to: attributed_to as written
// and as the quote says it.
var authorityList = []struct{ field, who, says string }{
	{"health ministry", "the health ministry", "the health ministry said"},
	{"interior ministry", "the interior ministry", "the interior ministry said"},
	{"police", "police", "police said"},
	{"hospital officials", "hospital officials", "hospital officials said"},
	{"provincial governor", "the provincial governor", "the provincial governor said"},
	{"state media", "state media", "state media reported"},
	{"local officials", "local officials", "local officials said"},
	{"Red Crescent", "the Red Crescent", "a Red Crescent spokesman said"},
	{"civil defence", "the civil defence agency", "the civil defence agency said"},
	{"witnesses", "witnesses", "witnesses said"},
}

var monthFull = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// monthAP is the Associated Press style: "Jan. 3, 2024", but "March 22".
// September is written out: readers differ on "Sept." and "Sep.".
var monthAP = [...]string{"", "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "September", "Oct.", "Nov.", "Dec."}

// Syllables for fictional place names.
var onsets = []string{"b", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "p", "q", "r", "s", "sh", "t", "v", "z", "zh", "gh", "dar", "bar", "mar", "kal"}
var nuclei = []string{"a", "e", "i", "o", "u", "a", "a", "e", "o", "ai", "ou"}
var codas = []string{"", "", "", "n", "r", "sh", "d", "z", "m", "l", "k", "b", "st", "nd"}
var placeSuffix = []string{"", "", "", "", "abad", "shahr", "kand", "pur", "stan", "gorod", "ville", "kent", "dara"}

var siteKinds = []struct{ pattern, alias string }{
	{"%s central market", "%s market"},
	{"%s grand mosque", "%s mosque"},
	{"%s police headquarters", "%s police station"},
	{"%s bus station", "%s bus terminal"},
	{"%s university", "%s campus"},
	{"%s main square", "%s square"},
	{"%s military base", "%s garrison"},
	{"%s shrine", ""},
	{"%s stadium", ""},
	{"%s hospital", ""},
}

// Filler sentences around the quotes. {city}, {country}, {region},
// {outlet} and {weekday} are replaced.
var fillers = []string{
	"Security forces sealed off the area around {city} as ambulances arrived.",
	"Witnesses described scenes of panic as people fled in every direction.",
	"The government declared a period of national mourning.",
	"Television footage showed damaged vehicles and shattered shop windows.",
	"Hospitals in {city} appealed for blood donations.",
	"The authorities in {country} have faced a wave of violence in recent years.",
	"Officials promised a full investigation into how the attackers reached the site.",
	"Schools and government offices in {region} remained closed the following day.",
	"Neighbouring governments condemned the attack and offered assistance.",
	"Analysts said the choice of target was meant to send a message.",
	"Roads into {city} were closed for several hours while the area was searched.",
	"Residents said they had heard warnings of possible unrest in the weeks before.",
	"The United Nations called for those responsible to be brought to justice.",
	"Funerals for some of the victims were held on {weekday}.",
	"The attack came at a time of heightened tension across {region}.",
	"Local journalists were briefly prevented from entering the area.",
	"Relatives gathered outside the main hospital waiting for news.",
	"Investigators collected evidence at the scene late into the night.",
	"A curfew was imposed in parts of {city} as a precaution.",
	"{outlet} could not independently verify the accounts of witnesses.",
	"Officials said the security situation had since been brought under control.",
	"The interior minister travelled to {city} to visit the wounded.",
	"Crowds later gathered in the centre of {city} to denounce the violence.",
	"Opposition politicians criticised the government's handling of security.",
	"Emergency workers searched through debris for survivors.",
	"It was one of the deadliest attacks in {country} in recent memory.",
	"Several countries updated their travel advice for {country} after the attack.",
	"Mobile phone networks in the area were disrupted for much of the day.",
	"Security was tightened at public buildings throughout {region}.",
	"Officials have previously blamed armed groups operating near the border.",
	"The attack drew comparisons with earlier incidents in the same province.",
	"Shops in the surrounding streets stayed shut for the rest of the week.",
	"Religious leaders appealed for calm and unity.",
	"Parliament held a minute of silence for the victims.",
	"The wounded were taken to hospitals across {region}.",
	"The full circumstances of the attack remained unclear.",
}

var leadIns = []string{
	"On {weekday}, ", "In a statement, ", "According to the latest figures, ", "By the evening, ",
	"Speaking to reporters, ", "Later, ", "At the scene, ", "In a briefing, ", "Meanwhile, ",
	"As the day went on, ", "In an update, ", "Separately, ", "Earlier, ", "In the aftermath, ",
}

var trailers = []string{".", ", officials said.", ", the report added.", ", according to initial reports.", ".", "."}

var weekdays = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// key is a coarser form of textnorm.Key (letters and digits only, lower
// case, a leading "the" word dropped): two names with different keys here
// never collide in the vocabulary.
func key(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	return strings.Join(words, "")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var smallWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
var tensWords = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

// spell writes 1..99 in words: "eighty-four".
func spell(n int) string {
	if n < 20 {
		return smallWords[n]
	}
	if n%10 == 0 {
		return tensWords[n/10]
	}
	return tensWords[n/10] + "-" + smallWords[n%10]
}
