/**
 * Content of the printed NCSI/PSW quartet "Innovation on Track", in Dutch and
 * English. Texts are paraphrased from the printed deck; names, places,
 * organisations, figures and links are kept as printed.
 */
import type { CardId, CardNumber, ThemeId } from "./cardIds.js";

/** A text in Dutch and English. */
export interface LocalizedText {
  nl: string;
  en: string;
}

/** One of the five themes (sets) of the deck. */
export interface ThemeInfo {
  id: ThemeId;
  /** "Netwerk" / "Network" etc. */
  name: LocalizedText;
  /** Theme colour as #rrggbb, from the NCSI logo palette: blue, orange, pink, purple, black. */
  color: string;
  /** Icon name in the Lucide icon set (package lucide-static, file lucide-static/icons/<icon>.svg). */
  icon: string;
  /** One short sentence on what the theme is about. */
  summary: LocalizedText;
}

/** One of the 20 cards of the deck. */
export interface CardInfo {
  id: CardId;
  theme: ThemeId;
  number: CardNumber;
  /** The printed title. */
  title: LocalizedText;
  /** The instruction, one sentence. */
  action: LocalizedText;
  /** The real example (names, places and figures kept). */
  example: LocalizedText;
  /** The tip, in words (may mention a link's site). */
  tip: LocalizedText;
  /** The URLs printed on the card, as absolute http(s) URLs; empty if the card printed none. */
  links: string[];
}

/** The five themes, in the printed order. */
export const THEMES: readonly ThemeInfo[] = [
  {
    id: "netwerk",
    name: { nl: "Netwerk", en: "Network" },
    color: "#1f5fa8",
    icon: "network",
    summary: {
      nl: "Partijen in de regio met elkaar verbinden, zodat ideeën gaan stromen.",
      en: "Connecting parties in the region so that ideas start to flow.",
    },
  },
  {
    id: "beleven",
    name: { nl: "Beleven", en: "Experience" },
    color: "#b54708",
    icon: "sparkles",
    summary: {
      nl: "Mensen sociale en technologische innovatie zelf laten ervaren en uitproberen.",
      en: "Letting people experience and try out social and technological innovation for themselves.",
    },
  },
  {
    id: "kennisoverdracht",
    name: { nl: "Kennisoverdracht", en: "Knowledge transfer" },
    color: "#c2185b",
    icon: "graduation-cap",
    summary: {
      nl: "Kennis over beide soorten innovatie delen en aanleren.",
      en: "Sharing and teaching knowledge about both kinds of innovation.",
    },
  },
  {
    id: "geld",
    name: { nl: "Geld", en: "Money" },
    color: "#6a1b9a",
    icon: "coins",
    summary: {
      nl: "Subsidies en budgetten zo inzetten dat beide vormen van innovatie renderen.",
      en: "Using subsidies and budgets so that both forms of innovation pay off.",
    },
  },
  {
    id: "beleid",
    name: { nl: "Beleid", en: "Policy" },
    color: "#1a1a1a",
    icon: "landmark",
    summary: {
      nl: "Regionaal beleid dat technologische en sociale innovatie aan elkaar koppelt.",
      en: "Regional policy that ties technological and social innovation together.",
    },
  },
];

/** The 20 cards, theme by theme in the printed order, n = 1..4. */
export const CARDS: readonly CardInfo[] = [
  // Netwerk
  {
    id: "netwerk-1",
    theme: "netwerk",
    number: 1,
    title: { nl: "Samenwerking onderwijs en bedrijven", en: "Collaboration between education and business" },
    action: {
      nl: "Zet bedrijven, onderwijsinstellingen en branches om tafel om samen technologische én sociale innovatie in de regio aan te jagen.",
      en: "Get companies, schools and industry bodies around one table to jointly drive technological and social innovation in the region.",
    },
    example: {
      nl: "Op de RDM Campus in de Rotterdamse haven bundelen onderwijs, bedrijven en branches hun krachten onder de noemer Research, Design & Manufacturing. Met co-creatie en open innovatie ontwikkelen ze duurzame oplossingen voor bouw, mobiliteit en energie.",
      en: "At the RDM Campus in the port of Rotterdam, education, business and industry join forces under the banner Research, Design & Manufacturing, using co-creation and open innovation to develop sustainable solutions for construction, mobility and energy.",
    },
    tip: {
      nl: "Heb je als mkb-bedrijf in de regio Rijnmond een innovatief, duurzaam plan? Het MKB-loket van TNO op de RDM Campus helpt je laagdrempelig met advies.",
      en: "SMEs in the Rijnmond region with an innovative, sustainable plan can walk into TNO's SME desk (MKB-loket) at the RDM Campus for easy-access advice and support.",
    },
    links: ["http://www.rdmcampus.nl", "http://www.tno.nl/mkb-rijnmond"],
  },
  {
    id: "netwerk-2",
    theme: "netwerk",
    number: 2,
    title: { nl: "Co-creatie", en: "Co-creation" },
    action: {
      nl: "Laat klanten, leveranciers en eigen medewerkers meedenken over nieuwe producten en diensten, zodat werkprocessen van onderop ontstaan.",
      en: "Involve customers, suppliers and your own staff in developing new products and services, so that work processes are shaped from the bottom up.",
    },
    example: {
      nl: "Bij Ikea overleggen kleine teams op de winkelvloer kort over wat er moet gebeuren en wat beter kan. Via het model Future Search denken klanten, leveranciers, werknemers en management mee over producten, zodat Ikea binnen enkele dagen over innovaties beslist.",
      en: "At Ikea, small teams hold quick huddles on the shop floor about what needs doing and what could be better. Through its Future Search model, customers, suppliers, staff and managers help improve products, so Ikea can decide on innovations within days.",
    },
    tip: {
      nl: "Geef medewerkers echte verantwoordelijkheid voor aansturing en uitvoering, en bied een online plek waar alle betrokkenen ideeën kunnen aandragen.",
      en: "Give employees real responsibility for steering and doing the work, and offer an online place where all stakeholders can put forward ideas.",
    },
    links: [],
  },
  {
    id: "netwerk-3",
    theme: "netwerk",
    number: 3,
    title: { nl: "Kruisbestuiving", en: "Cross-pollination" },
    action: {
      nl: "Organiseer bijeenkomsten waar verschillende platforms en netwerken elkaar ontmoeten en ideeën uitwisselen.",
      en: "Hold joint events where different platforms and networks meet and trade ideas.",
    },
    example: {
      nl: "De Kamer van Koophandel Noord hield op diverse locaties cafésessies 'Innoveren met je personeel - de kroeg als innovatielab'. Een ondernemer vertelde hoe zijn personeel bijdroeg aan innovatie, waarna ondernemers en medewerkers er zelf mee aan de slag gingen.",
      en: "The Kamer van Koophandel Noord held café sessions at several venues called 'Innoveren met je personeel - de kroeg als innovatielab' (the pub as innovation lab). A business owner told how his staff drove innovation; then owners and employees got to work on it.",
    },
    tip: {
      nl: "Koppel zo'n sociaal-innovatiecafé aan bijeenkomsten voor bijvoorbeeld technostarters, snelle groeiers of technologische innovatie: dan ontstaat kruisbestuiving.",
      en: "Pair such a social innovation café with events for tech start-ups, fast growers or technological innovation, and the ideas start to cross-pollinate.",
    },
    links: [],
  },
  {
    id: "netwerk-4",
    theme: "netwerk",
    number: 4,
    title: { nl: "Broedplaats", en: "Breeding ground" },
    action: {
      nl: "Bied een fysieke én een online plek waar nieuwe ideeën en technologieën via open innovatie kunnen groeien.",
      en: "Provide a physical and an online place where new ideas and technologies can grow through open innovation.",
    },
    example: {
      nl: "Bij Seats2meet boek je dag en nacht online een vergaderruimte op maat; zzp'ers en professionals ontmoeten elkaar gratis in de lounge. Kennis delen en co-creatie staan centraal: leren bij GlobalBrainz, online contact op MINDZ.com en fysiek op locaties door het hele land.",
      en: "Seats2meet lets users book a tailored meeting room online around the clock, while freelancers and professionals meet for free in its lounge. Sharing and co-creation are central: learning at GlobalBrainz, meeting online on MINDZ.com and in person at venues across the country.",
    },
    tip: {
      nl: "Combineer een ontmoetingsplek met een online community, zodat contacten ook tussen de bijeenkomsten door groeien. Zie de sites van Seats2meet en MINDZ.",
      en: "Pair a meeting place with an online community so that connections keep growing between meetings. See the Seats2meet and MINDZ websites.",
    },
    links: ["http://www.seats2meet.com", "http://www.mindz.com"],
  },
  // Beleven
  {
    id: "beleven-1",
    theme: "beleven",
    number: 1,
    title: { nl: "Proeverij", en: "Tasting session" },
    action: {
      nl: "Laat ondernemers en werknemers op een inspirerende plek zelf ervaren hoe sociale en technologische innovatie elkaar versterken.",
      en: "Let entrepreneurs and employees find out first-hand, at an inspiring venue, how social and technological innovation reinforce each other.",
    },
    example: {
      nl: "Het NCSI organiseerde 'A City Hunt for Innovation': bedrijven bedachten en presenteerden een eigen sociaal-technologische vernieuwing en keken bij elkaar in de keuken. Medewerkers van o.a. SNS Reaal, CNV Bedrijvenbond, Berenschot en NS trokken een dag lang samen langs de bedrijven.",
      en: "NCSI organised 'A City Hunt for Innovation': companies devised and presented their own socio-technological innovation and looked behind each other's scenes. Staff from SNS Reaal, CNV Bedrijvenbond, Berenschot and NS, among others, spent a day touring the companies together.",
    },
    tip: {
      nl: "Zorg voor een vervolg: met de opgedane ideeën, kennis en steun kunnen deelnemers hun idee daarna omzetten in een slimmer werkproces.",
      en: "Plan the follow-up: with the ideas, knowledge and support gathered, participants can afterwards turn their idea into a smarter work process.",
    },
    links: [],
  },
  {
    id: "beleven-2",
    theme: "beleven",
    number: 2,
    title: { nl: "Maatwerkadvies", en: "Tailored advice" },
    action: {
      nl: "Zet adviseurs in die bedrijven zowel vanuit technologische als vanuit sociale innovatie adviseren.",
      en: "Deploy advisers who counsel companies from both a technological and a social innovation angle.",
    },
    example: {
      nl: "Bij het Slimste Bedrijf 2010, een metaalproductiebedrijf, keek een adviseur met een sociale én een technische blik naar het werk. Medewerkers brachten met hun manager 'witte vlekken' in beeld; hun ideeën gaven minder tekenuren, digitale werkwijzen, betere kwaliteit en meer kennisdeling.",
      en: "At het Slimste Bedrijf 2010 (Smartest Company 2010), a metal products firm, an adviser viewed the work through a social and a technical lens. Staff and their manager mapped the 'white spots'; their ideas cut drawing hours and brought digital work, better quality and more knowledge sharing.",
    },
    tip: {
      nl: "Laat de adviseur de manager dicht op de werkvloer coachen, zodat verbeteringen van de medewerkers zelf komen en vakmanschap wordt vastgelegd.",
      en: "Have the adviser coach the manager close to the shop floor, so that improvements come from the staff themselves and craftsmanship gets recorded.",
    },
    links: [],
  },
  {
    id: "beleven-3",
    theme: "beleven",
    number: 3,
    title: { nl: "Laboratorium", en: "Laboratory" },
    action: {
      nl: "Richt een proeftuin in waar de meerwaarde van sociale en technologische vernieuwing onder één dak te beleven is.",
      en: "Set up a test space where people can experience the added value of social and technological renewal under one roof.",
    },
    example: {
      nl: "In Brainport Eindhoven werken bedrijven en kennisinstellingen van wereldklasse aan de technologie van morgen. Brainport Development bracht o.a. het Parktheater in Eindhoven ertoe hun technologische vernieuwing uit te bouwen met sociale innovatie; overal werden medewerkers gemotiveerder en tevredener.",
      en: "In Brainport Eindhoven, world-class companies and knowledge institutions work on tomorrow's technology. Brainport Development persuaded firms such as the Parktheater in Eindhoven to extend their technological renewal with social innovation; everywhere, staff grew more motivated and satisfied.",
    },
    tip: {
      nl: "Laat het bedrijfsleven het voortouw nemen en bouw voort op technologische projecten die al lopen. Meer op de site van Brainport.",
      en: "Let businesses take the lead and build on technology projects that are already under way. More on the Brainport website.",
    },
    links: ["http://www.brainport.nl"],
  },
  {
    id: "beleven-4",
    theme: "beleven",
    number: 4,
    title: { nl: "Spel", en: "Game" },
    action: {
      nl: "Ontdek met managementspellen of serious games die een werkomgeving nabootsen hoe processen efficiënter kunnen en hoe taaie problemen op te lossen zijn.",
      en: "Use management or serious games that simulate a workplace to find more efficient processes and fresh ways to tackle persistent problems.",
    },
    example: {
      nl: "In het brainstormspel Teambrain pakken 4-8 direct betrokken medewerkers een hardnekkig probleem aan. Een gratis app leidt ze langs de fasen: oorzaken noemen, van functie wisselen, oplossingen bedenken, prioriteren en aandelen nemen in de beste oplossing. Het thema kiezen ze zelf.",
      en: "In the brainstorming game Teambrain, 4-8 employees directly involved tackle a persistent problem. A free app guides them through the phases: naming causes, swapping roles, devising solutions, prioritising and taking shares in the best solution. They pick the topic themselves.",
    },
    tip: {
      nl: "Zoek je een bedrijfssimulatie over procesgericht organiseren en integraal sturen op resultaat? Kijk dan bij ST-Groep.",
      en: "Looking for a business simulation on process-oriented organising and integrated steering on results? Have a look at ST-Groep.",
    },
    links: ["http://www.teambbrain.nl", "http://www.st-groep.nl"],
  },
  // Kennisoverdracht
  {
    id: "kennisoverdracht-1",
    theme: "kennisoverdracht",
    number: 1,
    title: { nl: "Nieuwe leiders", en: "New leaders" },
    action: {
      nl: "Wijs ondernemers op inspirerende voorbeelden van collega-ondernemers en vernieuwers.",
      en: "Point entrepreneurs to leading examples set by fellow entrepreneurs and innovators.",
    },
    example: {
      nl: "Sinds de crisis winnen andere waarden terrein: verbinding tussen kennis en informatie, mens en technologie, werk en leven, en 'delen is vermenigvuldigen'. Denkers als Jan Bommerez, Herman Wijffels, Martijn Aslander, Adjiedj Bakas, Jaap Peters en Paul de Blot inspireerden daarmee al velen.",
      en: "Since the crisis, other values have been gaining ground: linking knowledge and information, people and technology, work and life, and 'sharing is multiplying'. Thinkers such as Jan Bommerez, Herman Wijffels, Martijn Aslander, Adjiedj Bakas, Jaap Peters and Paul de Blot inspired many.",
    },
    tip: {
      nl: "Op Vimeo, YouTube en sociale netwerken circuleren veel presentaties, gratis boeken en bijdragen van deze vernieuwers: deel ze.",
      en: "Vimeo, YouTube and social networks carry many talks, free books and pieces by these innovators: pass them on.",
    },
    links: ["http://www.vimeo.com", "http://www.youtube.com"],
  },
  {
    id: "kennisoverdracht-2",
    theme: "kennisoverdracht",
    number: 2,
    title: { nl: "Synergie in onderwijs", en: "Synergy in education" },
    action: {
      nl: "Maak de combinatie van sociale en technologische innovatie een vast onderdeel van opleidingen.",
      en: "Build the combination of social and technological innovation into education programmes.",
    },
    example: {
      nl: "Nieuwe werknemers geven innovatie een impuls als ze vakkennis al koppelen aan vernieuwing in organisatie, leiderschap en arbeidsrelaties. Stenden hogeschool nam sociale innovatie op in de minor HRM, en haar Kenniscentrum Sociale Innovatie zet studenten in bij projecten voor mkb en sectoren.",
      en: "New employees boost innovation when they already link their expertise with renewal in organisation, leadership and labour relations. Stenden hogeschool added social innovation to its HRM minor, and its Kenniscentrum Sociale Innovatie puts students on projects for SMEs and sector bodies.",
    },
    tip: {
      nl: "Denk ook aan sociale innovatie in een opleiding technische bedrijfskunde of economie, of aan een minor over arbeidsverhoudingen.",
      en: "Also consider linking social innovation to industrial engineering or economics programmes, or a minor on labour relations.",
    },
    links: [],
  },
  {
    id: "kennisoverdracht-3",
    theme: "kennisoverdracht",
    number: 3,
    title: { nl: "'Tweetalige' masterclass", en: "'Bilingual' masterclass" },
    action: {
      nl: "Leid intermediairs op tot 'tweetalige' adviseurs die de taal en denkwijze van zowel technologische als sociale innovatie beheersen.",
      en: "Train intermediaries to be 'bilingual' advisers who speak the language and share the mindset of both technological and social innovation.",
    },
    example: {
      nl: "Innovatieadviseurs werken bij o.a. Kamer van Koophandel, Syntens, ontwikkelingsmaatschappijen, ingenieurs- en adviesbureaus, brancheverenigingen, UWV en scholen. PSW geeft de Masterclass Sociale Innovatie in 3 modules: sociale en technologische innovatie, behoud van personeel en instroom.",
      en: "Innovation advisers work at the Kamer van Koophandel, Syntens, development agencies, engineering and consultancy firms, trade associations, UWV and schools. PSW runs the Masterclass Sociale Innovatie in 3 modules: social and technological innovation, staff retention and intake.",
    },
    tip: {
      nl: "Tweetalige adviseurs dragen de meerwaarde van beide perspectieven uit in al hun contacten; in Brabant bestaan hier al masterclasses voor. Zie de site van PSW.",
      en: "Bilingual advisers carry the value of both perspectives into all their contacts; Brabant already has masterclasses for this. See the PSW website.",
    },
    links: ["http://www.psw.nl"],
  },
  {
    id: "kennisoverdracht-4",
    theme: "kennisoverdracht",
    number: 4,
    title: { nl: "Good practices 3.0", en: "Good practices 3.0" },
    action: {
      nl: "Deel goede voorbeelden op een eigentijdse manier, zodat ze een groot publiek overtuigen.",
      en: "Share good practices in a contemporary way so that they win over a wide audience.",
    },
    example: {
      nl: "TED, 25 jaar geleden begonnen als 4-daagse conferentie in Californië, verspreidt ideeën over Technologie, Entertainment en Design. Topdenkers als Bill Gates, Richard Branson en Al Gore spreken er 18 minuten; hun talks staan gratis online. Sinds 2009 zijn er ook lokale TEDx-evenementen.",
      en: "TED, started 25 years ago as a 4-day conference in California, spreads ideas on Technology, Entertainment and Design. Top thinkers such as Bill Gates, Richard Branson and Al Gore speak for 18 minutes; their talks are free online. Since 2009 there are also local TEDx events.",
    },
    tip: {
      nl: "Geef het een regionale of lokale draai met een evenement in TEDx-stijl, zoals TEDxAmsterdam, en deel de ideeën met iedereen die het volgt.",
      en: "Give it a regional or local twist with a TEDx-style event, like TEDxAmsterdam, and share the ideas with everyone who follows it.",
    },
    links: ["http://www.ted.com", "http://www.tedxamsterdam.com"],
  },
  // Geld
  {
    id: "geld-1",
    theme: "geld",
    number: 1,
    title: { nl: "Integratie subsidiecriteria", en: "Integrating subsidy criteria" },
    action: {
      nl: "Maak sociale innovatie een voorwaarde bij het toekennen van subsidies voor technologische innovatie.",
      en: "Make social innovation a condition when granting subsidies for technological innovation.",
    },
    example: {
      nl: "Innovatiesubsidies, bijvoorbeeld voor de economische topgebieden of regionale speerpunten, zijn vooral technologisch ingestoken, en hun criteria ook. Terwijl juist flexibel organiseren, betere talentbenutting en nieuwe arbeidsverhoudingen de extra winst opleveren.",
      en: "Innovation subsidies, for example for the top economic sectors or regional priorities, lean heavily on technology, and so do their criteria. Yet it is flexible organising, better use of talent and new labour relations that bring the extra gain.",
    },
    tip: {
      nl: "Geef regionaal voorrang aan aanvragers die ook scoren op betrokken medewerkers, slimmere werkprocessen, verantwoordelijkheid laag in de organisatie, talent en flexibel roosteren.",
      en: "Regionally, favour applicants who also score on staff involvement, smarter work processes, responsibility low in the organisation, use of talent and flexible rostering.",
    },
    links: [],
  },
  {
    id: "geld-2",
    theme: "geld",
    number: 2,
    title: { nl: "Innovatiesucces", en: "Innovation success" },
    action: {
      nl: "Laat met cijfers zien dat juist de combinatie van sociale en technologische innovatie geld oplevert.",
      en: "Show with figures that it is the combination of social and technological innovation that pays off.",
    },
    example: {
      nl: "Volgens de innovatie- en concurrentiemonitor hangt innovatiesucces voor 25% af van technologische innovatie (R&D, ICT, kenniscreatie) en voor 75% van sociale innovatie (management, organisatie, arbeid, samenwerking en het toepassen van nieuwe kennis).",
      en: "According to the innovation and competition monitor, innovation success depends 25% on technological innovation (R&D, ICT, knowledge creation) and 75% on social innovation (management, organisation, work, cooperation and applying new knowledge).",
    },
    tip: {
      nl: "Overtuig bestuurders en ondernemers met de cijfers van de Erasmus Innovatiemonitor: samen leveren beide soorten innovatie meer rendement op.",
      en: "Convince policymakers and business owners with the figures of the Erasmus Innovatiemonitor: together, both kinds of innovation yield a better return.",
    },
    links: ["http://www.erasmusinnovatiemonitor.nl"],
  },
  {
    id: "geld-3",
    theme: "geld",
    number: 3,
    title: { nl: "Less is more", en: "Less is more" },
    action: {
      nl: "Laat zien dat innoveren niet duur hoeft te zijn: wie geld, mensen en vakmanschap slimmer inzet, haalt meer uit investeringen in technologie.",
      en: "Show that innovation need not be costly: using money, people and skills more smartly makes technology investments pay off better.",
    },
    example: {
      nl: "Philips Vitrite in Middelburg zat in 2007 in zwaar weer: jarenlange technologische investeringen brachten te weinig op. Daarna kreeg sociale innovatie de nadruk, met drie principes: voel je thuis, zie wat goed gaat en richt je op talent. Alle indicatoren gingen omhoog.",
      en: "Philips Vitrite in Middelburg hit hard times in 2007: years of investing in technology had yielded too little. It then put the stress on social innovation, with three principles: feel at home, notice what goes well and focus on talent. Every indicator went up.",
    },
    tip: {
      nl: "De extra investering zat vooral in uren van management, leidinggevenden en medewerkers samen. Zoek op ncsi.nl naar het seminarverslag Slimmer Werken.",
      en: "The extra investment was mainly hours spent by management, supervisors and staff together. Search ncsi.nl for the seminar report Slimmer Werken.",
    },
    links: ["http://www.ncsi.nl"],
  },
  {
    id: "geld-4",
    theme: "geld",
    number: 4,
    title: { nl: "Slimmer geld verdelen in de regio", en: "Sharing out money more smartly in the region" },
    action: {
      nl: "Breng de geldstromen voor technologische en sociale innovatie in de regio in kaart en stem ze beter af voor een hoger rendement.",
      en: "Map the region's funding streams for technological and social innovation and align them better for a higher return on investment.",
    },
    example: {
      nl: "Landelijke en provinciale budgetten staan onder druk, omdat de rekening van de crisis nog betaald moet worden. Er is nog steeds geld om innovatie te stimuleren, maar er wordt scherp gekeken naar wat het oplevert.",
      en: "National and provincial budgets are under pressure, as the bill for the crisis has yet to be paid. Money to stimulate innovation is still there, but funders look closely at what it delivers.",
    },
    tip: {
      nl: "Kijk of innovatieactiviteiten en subsidies voor dezelfde doelgroepen te koppelen zijn; grote kans dat dat in de organisaties ook meer resultaat geeft.",
      en: "Check whether innovation activities and subsidies for the same target groups can be linked; chances are it also yields more results inside the organisations.",
    },
    links: [],
  },
  // Beleid
  {
    id: "beleid-1",
    theme: "beleid",
    number: 1,
    title: { nl: "Regionale 'vuurtorens'", en: "Regional 'lighthouses'" },
    action: {
      nl: "Benoem de bakens waarmee jouw regio zich profileert en laat technologische vooruitgang daar hand in hand gaan met sociale innovatie.",
      en: "Identify the beacons your region is known for and let technological progress there go hand in hand with social innovation.",
    },
    example: {
      nl: "In Overijssel bundelen overheden, kennisinstellingen en vooral bedrijven innovatie, creatief ondernemerschap en kennisintensieve maakindustrie. Food Valley, Health Valley en het Innovatieplatform Twente zijn de vuurtorens; Kennispoort Zwolle en Ontwikkelingsmaatschappij Oost NV zijn erbij betrokken.",
      en: "In Overijssel, government, knowledge institutions and above all businesses combine innovation, creative enterprise and knowledge-intensive manufacturing. Food Valley, Health Valley and the Innovatieplatform Twente are the lighthouses; Kennispoort Zwolle and Ontwikkelingsmaatschappij Oost NV take part.",
    },
    tip: {
      nl: "Richt rond de vuurtorens innovatieclusters voor het mkb in die zowel de harde als de zachte kant van ondernemen behandelen.",
      en: "Set up SME innovation clusters around the lighthouses that deal with both the hard and the soft side of entrepreneurship.",
    },
    links: [],
  },
  {
    id: "beleid-2",
    theme: "beleid",
    number: 2,
    title: { nl: "Innovatieparagraaf in regionaal actieplan", en: "Innovation section in the regional action plan" },
    action: {
      nl: "Schrijf met de regionale partners samen een innovatieparagraaf met de koppeling van technologische en sociale innovatie als rode draad.",
      en: "Write an innovation section together with regional partners, with the link between technological and social innovation as its common thread.",
    },
    example: {
      nl: "Uit het Innovatie Netwerk Zeeland ontstond o.a. de Maintenance Innovation Community (MIC): regionale bedrijven met de Brabants Zeeuwse Werkgeversvereniging, Hogeschool Zeeland en Syntens maken via kennisdeling de Zeeuwse industrie sterker en besparen kosten.",
      en: "Innovatie Netwerk Zeeland gave rise to groups such as the Maintenance Innovation Community (MIC): regional firms with the Brabants Zeeuwse Werkgeversvereniging, Hogeschool Zeeland and Syntens share knowledge to make Zeeland's industry more competitive and cut costs.",
    },
    tip: {
      nl: "Naast de MIC zijn er de High Performance Academy (met groepen 'sociale innovatie' en 'smart technology') en Watertechnologie; zie de site van het netwerk.",
      en: "Besides the MIC there are the High Performance Academy (with groups on 'social innovation' and 'smart technology') and Watertechnologie; see the network's website.",
    },
    links: ["http://www.innovatienetwerkzeeland.nl"],
  },
  {
    id: "beleid-3",
    theme: "beleid",
    number: 3,
    title: { nl: "Beleidsterreinen koppelen", en: "Linking policy areas" },
    action: {
      nl: "Verbind de afdelingen van provincie en gemeente die over technologische en over sociale innovatie gaan, zodat hun beleid niet langs elkaar heen loopt.",
      en: "Connect the provincial and municipal departments in charge of technological and of social innovation, so their policies stop running side by side.",
    },
    example: {
      nl: "In en rond de provincie Noord-Brabant werken arbeidsmarktbeleid en economische zaken steeds meer samen, om beide werkterreinen voor innovatie dichter bij elkaar te brengen.",
      en: "In and around the province of Noord-Brabant, labour market policy and economic affairs increasingly work together, bringing both fields closer for the sake of innovation.",
    },
    tip: {
      nl: "Koppelen levert samenhangend beleid op, subsidies op basis van technologische én sociale criteria, en meer perspectieven op innovatie.",
      en: "Linking them brings coherent policy, subsidies based on both technological and social criteria, and more perspectives on innovation.",
    },
    links: [],
  },
  {
    id: "beleid-4",
    theme: "beleid",
    number: 4,
    title: { nl: "Sociale partners slaan handen ineen", en: "Social partners join forces" },
    action: {
      nl: "Start projecten waarin werkgevers- en werknemersorganisaties samen de meerwaarde van technologische mét sociale innovatie laten zien.",
      en: "Start projects in which employers' and employees' organisations jointly show the added value of technological plus social innovation.",
    },
    example: {
      nl: "In de maakindustrie in Zuid-Oost Brabant hielden sociale partners een mini-conferentie voor de kunststofbranche, met DPI Value systems en het platform sociale innovatie van de kunststof- en rubberindustrie. De Stichting Bedrijfsfonds Apotheken (SBA) startte met werkgevers en werknemers het project Slimmer werken.",
      en: "In manufacturing in Zuid-Oost Brabant, social partners held a mini-conference for the plastics sector with DPI Value systems and the social innovation platform of the plastics and rubber industry. The Stichting Bedrijfsfonds Apotheken (SBA) launched a Slimmer werken project with employers and staff.",
    },
    tip: {
      nl: "Kies heldere doelen, zoals de SBA: minder werkdruk, hogere productiviteit én tevredener medewerkers. Betrek ondernemers én hun personeel.",
      en: "Set clear goals, as the SBA did: lower workload, higher productivity and happier staff. Involve business owners and their employees alike.",
    },
    links: [],
  },
];

/** The intro of the deck. */
export const INTRO: { tagline: LocalizedText; message: LocalizedText; howToUse: LocalizedText } = {
  tagline: {
    nl: "Twee rails, één spoor: sociale en technologische innovatie maken elkaar sterker.",
    en: "Two rails, one track: social and technological innovation make each other stronger.",
  },
  message: {
    nl: "1 + 1 = 4: combineer nieuwe technologie met flexibel organiseren, slimmer werken, co-creatie en de talenten van medewerkers, en je investering levert volgens onderzoek vier keer zoveel op.",
    en: "1 + 1 = 4: combine new technology with flexible organising, smarter working, co-creation and your people's talents, and research shows your investment returns four times as much.",
  },
  howToUse: {
    nl: "Speel het kwartet met ondernemers, overheden, intermediairs en kennisinstellingen uit je regio. Elke kaart is een idee om zelf op te pakken en een bouwsteen voor een regionaal actieplan, passend bij waar jouw regio nu staat.",
    en: "Play the quartet with entrepreneurs, governments, intermediaries and knowledge institutions from your region. Each card is an idea to take up yourself and a building block for a regional action plan that fits where your region stands today.",
  },
};

const THEME_BY_ID: ReadonlyMap<string, ThemeInfo> = new Map(THEMES.map((t) => [t.id, t]));
const CARD_BY_ID: ReadonlyMap<string, CardInfo> = new Map(CARDS.map((c) => [c.id, c]));

/**
 * The theme with the given id.
 *
 * @param id - A theme id.
 * @returns The theme's names, colour, icon and summary.
 * @throws RangeError when the id is not one of the five themes.
 */
export function theme(id: ThemeId): ThemeInfo {
  const found = THEME_BY_ID.get(id);
  if (found === undefined) throw new RangeError(`Unknown theme id: ${String(id)}`);
  return found;
}

/**
 * The card with the given id.
 *
 * @param id - A card id such as `"netwerk-2"`.
 * @returns The card's title, action, example, tip and links.
 * @throws RangeError when the id is not one of the 20 cards.
 */
export function card(id: CardId): CardInfo {
  const found = CARD_BY_ID.get(id);
  if (found === undefined) throw new RangeError(`Unknown card id: ${String(id)}`);
  return found;
}
