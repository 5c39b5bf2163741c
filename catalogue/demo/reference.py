"""Reference data the demo starts from: the objectives the source texts name,
real platforms and cities. Curators edit all of it in the admin afterwards.
"""

# (slug, focus, name_fr, name_en, description_fr, description_en, keywords_fr, keywords_en)
OBJECTIVES = [
    (
        "diffuser-vos-messages",
        "media",
        "Diffuser vos messages",
        "Spread your messages",
        "Faire circuler une information, une annonce ou une prise de position auprès d'un large public.",
        "Get news, an announcement or a point of view in front of a wide audience.",
        ["diffuser", "diffusion", "message", "annonce", "communiquer", "publier", "audience", "visibilité"],
        ["spread", "message", "broadcast", "announce", "publish", "audience", "reach", "visibility"],
    ),
    (
        "marketing-viral",
        "media",
        "Faire du marketing viral",
        "Viral marketing",
        "Concevoir des contenus que les gens ont envie de partager.",
        "Design content people want to share.",
        ["viral", "marketing viral", "buzz", "partage", "contenu", "campagne"],
        ["viral", "viral marketing", "buzz", "share", "content", "campaign"],
    ),
    (
        "promouvoir-un-produit",
        "media",
        "Promouvoir un produit",
        "Promote a product",
        "Faire connaître et vendre un produit ou un service grâce aux plateformes sociales.",
        "Make a product or service known and sell it through social platforms.",
        ["promouvoir", "promotion", "produit", "vendre", "publicité", "marque", "lancement"],
        ["promote", "promotion", "product", "sell", "advertising", "brand", "launch"],
    ),
    (
        "developper-votre-reseau-d-affaires",
        "network",
        "Développer votre réseau d'affaires",
        "Grow your business network",
        "Rencontrer les bonnes personnes et bâtir des relations d'affaires dans la durée.",
        "Meet the right people and build business relationships that last.",
        ["réseau d'affaires", "réseauter", "réseautage", "rencontrer", "relation d'affaires", "partenaires"],
        ["business network", "networking", "meet", "business relationship", "partners", "connections"],
    ),
    (
        "maintenir-vos-contacts-en-vie",
        "network",
        "Maintenir vos contacts en vie",
        "Keep your contacts alive",
        "Entretenir les liens avec vos clients, partenaires et anciens collègues.",
        "Keep in touch with clients, partners and former colleagues.",
        ["garder contact", "contacts", "entretenir", "fidéliser", "clients", "relation"],
        ["keep in touch", "contacts", "maintain", "nurture", "clients", "relationship"],
    ),
    (
        "faire-briller-votre-etoile",
        "network",
        "Faire briller votre étoile",
        "Make your star shine",
        "Affirmer votre réputation et votre crédibilité professionnelles auprès de vos pairs.",
        "Build your professional reputation and credibility among your peers.",
        ["réputation", "crédibilité", "image professionnelle", "personal branding", "notoriété", "briller"],
        ["reputation", "credibility", "professional image", "personal branding", "shine", "thought leader"],
    ),
]

# (slug, name_fr, name_en)
PLATFORMS = [
    ("linkedin", "LinkedIn", "LinkedIn"),
    ("facebook", "Facebook", "Facebook"),
    ("instagram", "Instagram", "Instagram"),
    ("x", "X (Twitter)", "X (Twitter)"),
    ("youtube", "YouTube", "YouTube"),
    ("tiktok", "TikTok", "TikTok"),
    ("mastodon", "Mastodon", "Mastodon"),
    ("bluesky", "Bluesky", "Bluesky"),
    ("pinterest", "Pinterest", "Pinterest"),
]

# (city, time zone, currency)
CITIES = [
    ("Montréal", "America/Montreal", "CAD"),
    ("Québec", "America/Montreal", "CAD"),
    ("Sherbrooke", "America/Montreal", "CAD"),
    ("Gatineau", "America/Montreal", "CAD"),
    ("Trois-Rivières", "America/Montreal", "CAD"),
    ("Paris", "Europe/Paris", "EUR"),
    ("Lyon", "Europe/Paris", "EUR"),
    ("Bordeaux", "Europe/Paris", "EUR"),
    ("Lille", "Europe/Paris", "EUR"),
]
