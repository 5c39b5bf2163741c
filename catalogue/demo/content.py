"""Text pools the demo seed assembles trainings and experts from.

Sentences are combined (objective × platform × audience × format × level ×
competences), so 10,000 trainings read like many different offers rather than
one template. The ideas come from the two source texts: media = a vehicle for
a message, network = people connected over time, savoir / savoir-faire /
savoir-être, and "there is no single right way to use these platforms".
Placeholders: {platform}, {audience}, {city}.
"""

# Title patterns per objective slug. Objectives added later by curators fall
# back to the per-focus patterns below.
TITLES = {
    "diffuser-vos-messages": {
        "fr": [
            "Diffuser vos messages sur {platform} sans vous épuiser",
            "Un calendrier éditorial qui tient la route sur {platform}",
            "Écrire pour {platform} : des messages courts qui portent",
            "Votre annonce, vue par les bonnes personnes sur {platform}",
            "Communiquer en temps de crise sur {platform}",
            "De l’infolettre à {platform} : un même message, plusieurs formats",
        ],
        "en": [
            "Spread your messages on {platform} without burning out",
            "An editorial calendar that holds up on {platform}",
            "Writing for {platform}: short messages that carry",
            "Getting your announcement seen by the right people on {platform}",
            "Crisis communication on {platform}",
            "From newsletter to {platform}: one message, many formats",
        ],
    },
    "marketing-viral": {
        "fr": [
            "Marketing viral sur {platform} : ce qui se partage vraiment",
            "Concevoir une campagne qui voyage sur {platform}",
            "Vidéo courte et effet boule de neige sur {platform}",
            "Le buzz sans les dérapages : campagnes virales sur {platform}",
            "Défis, mèmes et tendances : surfer sur {platform}",
        ],
        "en": [
            "Viral marketing on {platform}: what people really share",
            "Designing a campaign that travels on {platform}",
            "Short video and the snowball effect on {platform}",
            "Buzz without the backlash: viral campaigns on {platform}",
            "Challenges, memes and trends: riding {platform}",
        ],
    },
    "promouvoir-un-produit": {
        "fr": [
            "Lancer un produit sur {platform}, du teaser à la vente",
            "Promouvoir votre produit sur {platform} avec un petit budget",
            "Publicité payante sur {platform} : par où commencer",
            "Vitrine et boutique sur {platform} pour les commerces d’ici",
            "Mesurer ce que {platform} rapporte vraiment à votre marque",
        ],
        "en": [
            "Launching a product on {platform}, from teaser to sale",
            "Promoting your product on {platform} on a small budget",
            "Paid ads on {platform}: where to start",
            "Shopfronts and shops on {platform} for local businesses",
            "Measuring what {platform} really brings your brand",
        ],
    },
    "developper-votre-reseau-d-affaires": {
        "fr": [
            "Développer votre réseau d’affaires avec {platform}",
            "Du 5 à 7 à {platform} : réseauter sans malaise",
            "Trouver vos premiers clients grâce à {platform}",
            "Prospecter sur {platform} sans passer pour un vendeur",
            "Bâtir un réseau d’affaires à {city}, en ligne et en personne",
            "Les bonnes présentations : demander une recommandation sur {platform}",
        ],
        "en": [
            "Growing your business network with {platform}",
            "From mixer to {platform}: networking without the awkwardness",
            "Finding your first clients through {platform}",
            "Prospecting on {platform} without sounding like a salesperson",
            "Building a business network in {city}, online and in person",
            "Good introductions: asking for a referral on {platform}",
        ],
    },
    "maintenir-vos-contacts-en-vie": {
        "fr": [
            "Garder le contact : entretenir votre réseau sur {platform}",
            "Quinze minutes par semaine pour nourrir vos relations sur {platform}",
            "Fidéliser vos clients grâce à {platform}",
            "Anciens collègues, futurs partenaires : raviver vos liens sur {platform}",
            "Le suivi après l’événement : {platform} au service de vos contacts",
        ],
        "en": [
            "Keeping in touch: nurturing your network on {platform}",
            "Fifteen minutes a week to nurture your relationships on {platform}",
            "Keeping your clients close with {platform}",
            "Former colleagues, future partners: rekindling ties on {platform}",
            "The follow-up after the event: {platform} for your contacts",
        ],
    },
    "faire-briller-votre-etoile": {
        "fr": [
            "Faire briller votre étoile sur {platform}",
            "Un profil {platform} qui inspire confiance",
            "Devenir la personne qu’on recommande : votre réputation sur {platform}",
            "Prendre la parole sur {platform} comme experte ou expert",
            "Crédibilité professionnelle : publier moins, publier mieux sur {platform}",
        ],
        "en": [
            "Make your star shine on {platform}",
            "A {platform} profile that builds trust",
            "Becoming the one people recommend: your reputation on {platform}",
            "Speaking up on {platform} as an expert",
            "Professional credibility: post less, post better on {platform}",
        ],
    },
}
FOCUS_TITLES = {
    ("media", "fr"): ["Une stratégie média sur {platform}", "{platform} comme outil de communication"],
    ("media", "en"): ["A media strategy on {platform}", "{platform} as a communication tool"],
    ("network", "fr"): ["Réseauter sur {platform}", "Des relations qui durent sur {platform}"],
    ("network", "en"): ["Networking on {platform}", "Relationships that last on {platform}"],
}

# (French, English) — who an offer is for.
AUDIENCES = [
    ("les PME", "small businesses"),
    ("les OBNL", "non-profits"),
    ("les travailleurs autonomes", "freelancers"),
    ("les équipes de communication", "communications teams"),
    ("les gestionnaires", "managers"),
    ("les bibliothèques publiques", "public libraries"),
    ("les commerces de détail", "retailers"),
    ("les municipalités", "municipalities"),
    ("les artistes et artisans", "artists and makers"),
    ("les chercheurs d’emploi", "job seekers"),
    ("les jeunes entreprises", "start-ups"),
    ("les ordres professionnels", "professional associations"),
    ("les restaurateurs", "restaurant owners"),
    ("les courtiers immobiliers", "real-estate brokers"),
    ("les cégeps et universités", "colleges and universities"),
    ("les coopératives", "co-operatives"),
]

FORMAT_PREFIXES = {
    "fr": {"conference": "Conférence", "course": "Formation", "workshop": "Atelier"},
    "en": {"conference": "Talk", "course": "Course", "workshop": "Workshop"},
}

# First sentence of a summary, per focus.
SUMMARY_OPENERS = {
    ("media", "fr"): [
        "Faites passer votre message sur {platform} : qui le lit, quand, et sous quelle forme.",
        "{platform} est un véhicule, pas une fin en soi : apprenez à y placer le bon message.",
        "Une stratégie sur les médias sociaux, c’est une stratégie média : on la bâtit ici pour {platform}.",
        "Publier souvent ne suffit pas ; publier juste sur {platform}, si.",
        "Des contenus que votre public a envie de partager, pensés pour {platform}.",
    ],
    ("media", "en"): [
        "Get your message across on {platform}: who reads it, when, and in what form.",
        "{platform} is a vehicle, not an end in itself: learn to put the right message on it.",
        "A social media strategy is a media strategy: we build yours for {platform}.",
        "Posting often is not enough; posting right on {platform} is.",
        "Content your audience wants to share, designed for {platform}.",
    ],
    ("network", "fr"): [
        "Un réseau social, ce sont des personnes : voyez comment {platform} vous aide à les rencontrer.",
        "Les relations d’affaires se bâtissent dans la durée ; {platform} peut les entretenir.",
        "Réseauter, c’est échanger autour d’un intérêt commun, et {platform} s’y prête bien.",
        "Utiliser beaucoup {platform} n’est pas l’équivalent d’y être performant.",
        "Moins de contacts, de meilleures relations : votre réseau sur {platform}.",
    ],
    ("network", "en"): [
        "A social network is people: see how {platform} helps you meet them.",
        "Business relationships are built over time; {platform} can keep them alive.",
        "Networking is exchanging around a shared interest, and {platform} suits it well.",
        "Using {platform} a lot is not the same as using it well.",
        "Fewer contacts, better relationships: your network on {platform}.",
    ],
}
# Second sentence of a summary, per format.
SUMMARY_CLOSERS = {
    ("conference", "fr"): [
        "Une conférence pleine d’exemples d’ici, suivie d’une période de questions.",
        "Quatre-vingt-dix minutes pour {audience}, sans jargon.",
        "Des cas vécus, des chiffres récents et des pistes à essayer dès demain.",
    ],
    ("conference", "en"): [
        "A talk full of local examples, followed by questions.",
        "Ninety minutes for {audience}, no jargon.",
        "Real cases, recent figures and ideas to try tomorrow.",
    ],
    ("course", "fr"): [
        "Une formation structurée pour {audience}, avec exercices et gabarits.",
        "Théorie, pratique et suivi : vous repartez avec un plan d’action.",
        "Une formation en plusieurs modules, à votre rythme, pour {audience}.",
    ],
    ("course", "en"): [
        "A structured course for {audience}, with exercises and templates.",
        "Theory, practice and follow-up: you leave with an action plan.",
        "A course in several modules, at your pace, for {audience}.",
    ],
    ("workshop", "fr"): [
        "Un atelier pratique : apportez votre ordinateur et vos comptes.",
        "En petit groupe, on travaille sur vos vrais dossiers, pour {audience}.",
        "Un atelier où l’on fait plus qu’on écoute.",
    ],
    ("workshop", "en"): [
        "A hands-on workshop: bring your laptop and your accounts.",
        "In a small group, we work on your real cases, for {audience}.",
        "A workshop where you do more than you listen.",
    ],
}

# Programme bullets, per focus; a description takes four of them.
PROGRAMME = {
    ("media", "fr"): [
        "Définir à qui vous parlez et ce que vous voulez qu’on retienne",
        "Choisir les formats qui conviennent à {platform} : texte, image, vidéo courte",
        "Bâtir un calendrier éditorial réaliste",
        "Écrire des accroches claires et des appels à l’action",
        "Comprendre ce que l’algorithme de {platform} favorise (et ce qu’il ne garantit pas)",
        "Lire vos statistiques : portée, partages, clics",
        "Réagir aux commentaires et gérer une critique publique",
        "Recycler un contenu sur plusieurs plateformes sans vous répéter",
        "Petit budget publicitaire : ciblage et tests",
    ],
    ("media", "en"): [
        "Defining whom you speak to and what you want them to remember",
        "Choosing formats that suit {platform}: text, image, short video",
        "Building a realistic editorial calendar",
        "Writing clear hooks and calls to action",
        "Understanding what the {platform} algorithm favours (and what it doesn't promise)",
        "Reading your statistics: reach, shares, clicks",
        "Answering comments and handling public criticism",
        "Reusing content across platforms without repeating yourself",
        "A small ad budget: targeting and testing",
    ],
    ("network", "fr"): [
        "Cartographier votre réseau actuel : qui connaissez-vous déjà ?",
        "Un profil {platform} qui dit clairement ce que vous offrez",
        "Aborder quelqu’un sans être intrusif",
        "Demander et offrir des recommandations",
        "Transformer une rencontre en personne en relation durable",
        "Entretenir vos contacts sans y passer vos soirées",
        "Participer aux groupes et aux discussions de votre secteur",
        "Reconnaître quand {platform} est utilisé comme un média plutôt qu’un réseau",
        "Préparer un événement de réseautage et son suivi",
    ],
    ("network", "en"): [
        "Mapping your current network: whom do you already know?",
        "A {platform} profile that says clearly what you offer",
        "Reaching out without being pushy",
        "Asking for and giving recommendations",
        "Turning an in-person meeting into a lasting relationship",
        "Keeping in touch without spending your evenings on it",
        "Taking part in your sector's groups and discussions",
        "Recognising when {platform} is used as a medium rather than a network",
        "Preparing a networking event and its follow-up",
    ],
}

COMPETENCE_LINES = {
    ("knowledge", "fr"): [
        "**Savoir** : la différence entre un média social, outil pour faire passer un message, "
        "et un réseau social, ensemble de personnes interconnectées.",
        "**Savoir** : comment fonctionne {platform} et ce que ses règles changent pour vous.",
    ],
    ("knowledge", "en"): [
        "**Knowledge**: the difference between a social medium, a tool that carries a message, "
        "and a social network, a group of interconnected people.",
        "**Knowledge**: how {platform} works and what its rules change for you.",
    ],
    ("know_how", "fr"): [
        "**Savoir-faire** : des exercices concrets sur {platform}, avec vos propres comptes.",
        "**Savoir-faire** : des gabarits et une liste de vérification à réutiliser.",
    ],
    ("know_how", "en"): [
        "**Know-how**: hands-on exercises on {platform}, with your own accounts.",
        "**Know-how**: templates and a checklist to reuse.",
    ],
    ("interpersonal", "fr"): [
        "**Savoir-être** : l’attitude qui inspire confiance, en ligne comme en personne.",
        "**Savoir-être** : écouter avant de publier, et répondre avec tact.",
    ],
    ("interpersonal", "en"): [
        "**Interpersonal skills**: the attitude that builds trust, online and in person.",
        "**Interpersonal skills**: listening before posting, and answering with tact.",
    ],
}

LEVEL_LINES = {
    ("beginner", "fr"): "Aucun préalable : idéal si vous débutez sur {platform}.",
    ("beginner", "en"): "No prerequisites: ideal if you are new to {platform}.",
    ("intermediate", "fr"): "Pour qui utilise déjà {platform} et veut de meilleurs résultats.",
    ("intermediate", "en"): "For people who already use {platform} and want better results.",
    ("advanced", "fr"): "Niveau avancé : vous gérez déjà une présence sur {platform} au quotidien.",
    ("advanced", "en"): "Advanced: you already run a presence on {platform} day to day.",
}

MODE_LINES = {
    ("in_person", "fr"): "En personne, à {city} ; le café est offert.",
    ("in_person", "en"): "In person in {city}; coffee is on us.",
    ("online", "fr"): "En ligne, en direct ; le lien est envoyé la veille.",
    ("online", "en"): "Online and live; the link is sent the day before.",
    ("hybrid", "fr"): "En salle à {city} ou à distance, au choix.",
    ("hybrid", "en"): "In the room in {city} or remotely, as you prefer.",
}

CLOSINGS = {
    "fr": [
        "Il n’y a pas qu’une seule bonne façon d’utiliser {platform} : nous partons de votre objectif.",
        "Méfiez-vous de ceux qui disent qu’il n’y a qu’une façon de faire, c’est-à-dire la leur.",
        "Avant de choisir une plateforme, ciblez votre objectif : c’est par là que nous commençons.",
        "Utiliser beaucoup une plateforme n’est pas l’équivalent d’être performant avec celle-ci.",
    ],
    "en": [
        "There is no single right way to use {platform}: we start from your objective.",
        "Beware of anyone who says there is only one way to do it, namely theirs.",
        "Before picking a platform, target your objective: that is where we begin.",
        "Using a platform a lot is not the same as using it well.",
    ],
}

SECTION_TITLES = {
    "fr": {"programme": "Au programme", "skills": "Ce que vous développerez", "audience": "Pour qui"},
    "en": {"programme": "What we cover", "skills": "What you will develop", "audience": "Who it is for"},
}
AUDIENCE_LINES = {
    "fr": "Pensé pour {audience}.",
    "en": "Designed for {audience}.",
}

# Platforms each focus leans on (slugs), for believable pairings.
FOCUS_PLATFORMS = {
    "media": ["instagram", "tiktok", "youtube", "facebook", "x", "pinterest", "bluesky", "linkedin"],
    "network": ["linkedin", "linkedin", "facebook", "mastodon", "bluesky", "x"],
}

# Places sessions are held in, per city.
VENUES = {
    "Montréal": ["Espace de coworking du Mile-End", "Salle du Vieux-Montréal", "Maison des associations du Plateau"],
    "Québec": ["Espace Saint-Roch", "Salle Limoilou", "Centre d’affaires de Sainte-Foy"],
    "Sherbrooke": ["Salle du centre-ville", "Espace entrepreneurial de l’Estrie"],
    "Gatineau": ["Centre d’affaires du Vieux-Hull", "Salle Aylmer"],
    "Trois-Rivières": ["Salle du centre-ville", "Espace Laviolette"],
    "Paris": ["Espace Batignolles", "Salle du Marais", "Tiers-lieu de Belleville"],
    "Lyon": ["Espace Part-Dieu", "Salle de la Croix-Rousse"],
    "Bordeaux": ["Espace des Chartrons", "Salle Saint-Michel"],
    "Lille": ["Espace Euralille", "Salle du Vieux-Lille"],
}

# French lines that name the person come as (feminine, masculine); the seed picks
# the one that agrees with the expert's first name.
HEADLINES = {
    ("media", "fr"): [
        ("Formatrice en médias sociaux", "Formateur en médias sociaux"),
        ("Stratège de contenu", "Stratège de contenu"),
        ("Conseillère en communication numérique", "Conseiller en communication numérique"),
        ("Vidéaste et formatrice", "Vidéaste et formateur"),
    ],
    ("media", "en"): ["Social media trainer", "Content strategist", "Digital communications adviser"],
    ("network", "fr"): [
        ("Conférencière en réseautage d’affaires", "Conférencier en réseautage d’affaires"),
        ("Stratège LinkedIn", "Stratège LinkedIn"),
        ("Coach en développement des affaires", "Coach en développement des affaires"),
    ],
    ("network", "en"): ["Networking coach", "LinkedIn strategist", "Business development coach"],
}
BIOS = {
    "fr": [
        "Depuis {years} ans, j’accompagne {audience} qui veulent {goal}.",
        (
            "Ancienne journaliste, je forme {audience} depuis {years} ans à {goal}.",
            "Ancien journaliste, je forme {audience} depuis {years} ans à {goal}.",
        ),
        "J’ai travaillé {years} ans en agence avant d’enseigner à {audience} comment {goal}.",
    ],
    "en": [
        "For {years} years I have helped {audience} who want to {goal}.",
        "A former journalist, I have trained {audience} for {years} years to {goal}.",
        "I spent {years} years in an agency before teaching {audience} how to {goal}.",
    ],
}
BIO_GOALS = {
    ("media", "fr"): "diffuser leurs messages",
    ("media", "en"): "spread their messages",
    ("network", "fr"): "développer leur réseau d’affaires",
    ("network", "en"): "grow their business network",
}
BIO_CLOSINGS = {
    "fr": "Ma conviction : le savoir et le savoir-faire ne suffisent pas sans le savoir-être.",
    "en": "What I believe: knowledge and know-how are not enough without interpersonal skills.",
}
