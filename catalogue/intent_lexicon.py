"""The matcher's intent lexicon: what visitors say when they mean one side or the other.

Data only; catalogue/matching.py reads it. Grounded in the two source texts:

- **media**: a social medium is a communication tool, "un véhicule pour faire
  passer un message". The visitor has an *audience* to carry a message to:
  diffuser, faire connaître, promouvoir son produit, marketing viral,
  visibilité, portée, abonnés, publicité, campagne, contenu.
- **network**: a social network is people, "un regroupement de gens" who
  exchange; business relationships "se bâtissent dans la durée". The visitor
  has *people* to build relationships with over time: développer son réseau
  d'affaires, maintenir ses contacts en vie, faire briller son étoile,
  rencontrer, partenaires, recommandations, fidéliser, entretenir.

Each line is `weight phrase`. Weight 3: the phrase states an aim on its own
("promouvoir", "garder contact"); 2: a strong sign ("abonnés", "partenaires");
1: a topic that only tips a balance ("contacts", "public"). A phrase's words
are compared stemmed and folded ("=word": that word only, not its stem), in order, with at most two other words
between two of them; a longer phrase wins over the shorter ones it covers, so
"faire rayonner (sa marque)" is media while "rayonner" is network, and
"rejoindre des groupes" is network while "rejoindre (un public)" is media.

Each block names the curated objective it points to (by its demo slug); when
curators removed that objective, the cue points to the first active objective
of the same side, and to nothing when that side has none.

Platform names are not here on purpose: they name the environment, never the aim.
"""

LEXICON = {
    "media": {
        "diffuser-vos-messages": {
            "fr": """
                3 diffuser
                3 diffusion
                3 faire passer message
                3 faire savoir
                3 faire parler
                3 se fassent voir
                3 se faire voir
                3 faire voir
                2 en parle
                3 entendre parler
                3 se sache
                3 sachent
                2 informer
                3 sensibiliser
                3 annoncer
                2 communiquer
                3 plan de communication
                2 publier
                1 publications
                3 visibilité
                2 visible
                3 =portée
                2 rejoindre
                2 atteindre
                3 atteigne
                3 toucher plus
                2 touchent
                2 plus de gens
                2 plus de monde
                2 tout le monde
                3 large public
                3 grand public
                3 large auditoire
                1 public
                3 auditoire
                3 audience
                3 =vues
                3 =likes
                2 partages
                3 abonnés
                3 =followers
                3 trafic
                2 infolettre
                2 contenu
                3 calendrier de contenu
                2 présence en ligne
                2 mettre en valeur
                3 faire découvrir
                3 faire mousser
                2 attirer
                2 population
                3 achalandage
                3 faire rayonner
                2 remplir la salle
                2 inscriptions
                2 message
                2 nos =nouvelles
                1 communication
                1 offres d'emploi
                3 chaîne youtube
            """,
            "en": """
                3 spread
                3 spread the word
                3 get the word out
                3 broadcast
                3 announce
                3 =publicize
                2 inform
                3 raise awareness
                3 awareness
                3 aware
                3 reach
                3 wider audience
                3 audience
                3 visibility
                2 visible
                3 =views
                3 =likes
                2 shares
                3 =followers
                3 =follower count
                3 traffic
                3 streams
                2 signups
                2 newsletter
                1 content
                3 create content
                3 engaging content
                3 content calendar
                1 post
                2 publish
                3 get people talking
                3 hear about
                3 know about
                3 in front of
                2 showcase
                3 more people
                3 exposure
                2 attract
                2 to know
                3 tell people
                3 let people know
                3 eyes on
                2 message
                3 get message to
                3 get message across
                3 carry message
                2 news
                3 share news
                1 communication
                1 job postings
            """,
        },
        "promouvoir-un-produit": {
            "fr": """
                3 promouvoir
                3 promotion
                3 promo
                3 =publicité
                3 =publicités
                3 pub
                3 réclame
                3 annonces payantes
                3 annonces
                3 vendre
                3 ventes
                2 vente
                3 écouler
                2 booster
                3 attirer clients
                3 nouveaux clients
                3 clients payants
                2 achètent
                2 acheteurs
                3 trouver des clients
                3 leads
                2 marque
                3 image de marque
                2 notoriété
                2 lancer
                3 lancement
                3 mettre en marché
                3 faire connaître
                2 me faire connaître
                2 marketing
                3 influence marketing
                1 boutique
                2 billets
                2 clientèle cible
                1 site web
                3 décoller
                3 pousser produits
                2 sociofinancement
                3 campagne publicitaire
            """,
            "en": """
                3 promote
                3 promotion
                3 promotions
                3 promo
                3 advertise
                3 advertize
                3 advertising
                3 ads
                3 sell
                3 sales
                2 market
                2 marketing
                3 launch
                2 brand
                3 brand awareness
                3 new customers
                3 attract customers
                3 paying customers
                2 buyers
                3 get known
                3 make known
                3 attract new customers
                3 more customers
                3 leads
                2 tickets
                1 store
                1 shop
                2 =listing
                3 make a splash
            """,
        },
        "marketing-viral": {
            "fr": """
                3 viral
                3 virale
                3 devienne virale
                3 buzz
                3 cartonnent
                3 cartonner
                3 mème
                2 partager
                2 créateurs de contenu
                2 influenceurs
                2 reels
                3 campagne
            """,
            "en": """
                3 viral
                3 go viral
                3 trending
                3 trend
                3 goes viral
                3 buzz
                3 blow up
                3 meme
                2 share
                2 influencer
                3 influencer marketing
                2 reels
                3 campaign
            """,
        },
    },
    "network": {
        "developper-votre-reseau-d-affaires": {
            "fr": """
                1 réseau
                3 réseauter
                3 réseautage
                3 jaser avec
                3 se refile
                3 refiler contrats
                3 réseau d'affaires
                3 réseau professionnel
                3 réseau de contacts
                3 développer réseau
                3 élargir réseau
                3 bâtir réseau
                3 créer réseau
                3 réseau d'entraide
                3 réseau de référencement
                3 cercle professionnel
                3 meilleur réseau
                3 plus grand réseau
                3 m'associer
                3 s'associer
                3 avoir réseau
                3 contacts professionnels
                3 contacts d'affaires
                3 faire des contacts
                3 me faire des contacts
                3 nouer des contacts
                3 carnet d'adresses
                3 rencontrer
                2 rencontres
                3 connaître du monde
                1 connaître
                1 entrepreneurs
                1 gens de mon secteur
                3 =associés
                3 =associé
                3 =associée
                3 cofondateurs
                3 nouveau poste
                2 conférencier
                2 conférencière
                3 connaître des gens
                3 partenaires
                3 partenariat
                3 partenariats
                3 collaborations
                3 collaborateurs
                3 collaborer
                3 travailler ensemble
                3 alliés
                3 mentor
                3 mentorat
                3 parrain d'affaires
                3 investisseurs
                3 se rapprocher
                2 gens influents
                3 se parlent entre eux
                3 échanger entre
                3 trouver des mandats
                3 mon nom circule
                3 relations d'affaires
                3 lien d'affaires
                2 relations
                3 développer des relations
                3 bâtir des relations
                3 bâtir une relation
                3 créer des liens
                3 tisser des liens
                2 liens
                3 occasions d'affaires
                2 mandats
                3 recommandations
                3 recommandent
                3 recommander
                3 réfèrent
                3 référer
                3 introductions
                2 bouche à oreille
                3 trouver un emploi
                1 emploi
                1 job
                3 trouver un emploi
                3 trouver une job
                3 trouver emploi
                3 chercher un emploi
                3 nouvel emploi
                3 nouvelle job
                2 carrière
                3 changer de carrière
                3 recruteurs
                3 employeurs
                2 décideurs
                2 approcher
                3 entrer en contact
                3 groupes de discussion
                3 rejoindre des groupes
                3 échanger avec
                2 pairs
                3 entraide
                3 communauté de pratique
                2 confiance
                1 contacts
                1 journalistes
                3 regrouper
                3 se regrouper
            """,
            "en": """
                1 network
                3 =networking
                3 to network
                3 network with
                3 business network
                3 professional network
                3 grow network
                3 expand network
                3 build network
                3 professional contacts
                3 business contacts
                3 make contacts
                3 meet
                3 get to know people
                3 know people
                3 better network
                3 bigger network
                3 stronger network
                3 team up
                2 get to know
                1 founders
                1 entrepreneurs
                3 co-founders
                3 cofounders
                3 new position
                3 invited to speak
                2 speaker
                3 have network
                3 connect with
                2 connections
                3 partners
                3 partnership
                3 partnerships
                3 collaborations
                3 collaborators
                3 allies
                3 mentor
                3 mentorship
                3 investors
                3 build rapport
                2 get closer to
                2 influential people
                3 talk to each other
                2 gigs
                3 name to come up
                2 relationships
                3 build relationships
                3 ties
                3 trust
                3 business opportunities
                3 referrals
                3 introductions
                2 word of mouth
                1 job
                3 find a job
                3 land a job
                3 new job
                3 job search
                2 career
                2 careers
                3 =recruiters
                3 =recruiter
                3 employers
                2 decision makers
                3 reach out
                2 peers
                3 peer group
                3 support each other
                3 pass leads
                3 old bosses
                3 former bosses
                2 recommendations
                3 discussion groups
                3 exchange with
                3 community of practice
                2 alumni
                3 land contracts
                1 contacts
                1 journalists
            """,
        },
        "maintenir-vos-contacts-en-vie": {
            "fr": """
                3 garder contact
                3 garder le contact
                3 rester proche
                3 rester en contact
                3 maintenir le contact
                3 garder le lien
                3 garder liens
                3 maintenir le lien
                3 reprendre contact
                3 renouer
                2 relancer
                3 entretenir
                3 fidéliser
                3 fidèles
                3 fidélisation
                3 fidélité
                3 clientèle existante
                3 clients actuels
                3 anciens clients
                3 anciens collègues
                3 faire le suivi
                2 =suivi
                2 consolider
                3 renforcer les liens
                3 approfondir
                3 nourrir les relations
                3 prendre soin clients
                3 prendre soin clientèle
                3 prendre soin contacts
                2 durables
                2 long terme
                3 dans la durée
                2 sur plusieurs années
                3 réactiver
                1 retrouver
                3 retrouver d'anciens
                3 perdus de vue
                3 perdu de vue
                3 rester présent
                3 bons termes
                3 pensent à moi
                2 m'oublient
                1 donateurs
                1 membres
                1 bénévoles
            """,
            "en": """
                3 keep in touch
                3 stay in touch
                3 stay connected
                3 reconnect
                3 lost touch
                3 keep warm
                3 follow up
                3 nurture
                3 loyal
                3 loyalty
                3 retain
                3 retention
                3 existing customers
                3 existing clients
                3 existing clientele
                3 former clients
                3 old clients
                3 former colleagues
                3 strengthen ties
                3 deepen relationships
                3 maintain relationships
                3 maintain good relationships
                2 key accounts
                3 take care clients
                3 take care customers
                3 take care clientele
                3 take care contacts
                2 over time
                2 long run
                2 long term
                2 =lasting
                2 over the years
                3 reactivate
                3 good terms
                3 top of mind
                3 think of me
                2 forget me
                1 donors
                1 members
            """,
        },
        "faire-briller-votre-etoile": {
            "fr": """
                3 réputation
                3 crédibilité
                3 crédible
                3 devenir une référence
                3 expert reconnu
                3 reconnu comme
                3 vu comme
                3 comme expert
                3 comme experte
                3 faire connaître comme
                3 leader d'opinion
                2 me positionner
                3 marque personnelle
                3 briller
                3 rayonner
                3 me démarquer
                3 se démarquer
                3 pris au sérieux
                1 profil
                3 améliorer profil
                3 soigner profil
                3 optimiser profil
                1 spécialiste
            """,
            "en": """
                3 reputation
                3 credibility
                3 credible
                3 go-to person
                3 recognised as
                3 recognized as
                3 seen as
                3 as an expert
                3 thought leader
                3 personal brand
                3 shine
                3 stand out
                3 taken seriously
                3 take me seriously
                1 profile
                3 improve profile
                3 polish profile
                3 optimize profile
                3 know who i am
                2 position myself
            """,
        },
    },
}
