"""Message texts for the demo: Dutch and English, positive, neutral and negative, per community.

Each community's texts carry the hashtags and keywords the demo config uses for its themes and
issues, so themes, issues and sentiment have something real to find.
"""

from __future__ import annotations

import random

# community -> sentiment -> language -> texts
TEXTS: dict[str, dict[str, dict[str, list[str]]]] = {
    "Reorganisatie 2026": {
        "pos": {
            "nl": [
                "Goede sessie vandaag over de #reorganisatie, eindelijk duidelijkheid. Bedankt!",
                "Fijn dat het MT zo open is over de nieuwe teamindeling #nieuweorganisatie",
            ],
            "en": ["Great Q&A on the #reorganisatie today, thanks for the clear answers!"],
        },
        "neu": {
            "nl": [
                "Wanneer komt het nieuwe organogram online? #reorganisatie",
                "De presentatie van de informatiebijeenkomst staat op het intranet.",
            ],
            "en": ["Where can I find the new org chart? #reorganisatie"],
        },
        "neg": {
            "nl": [
                "Helaas weer geen duidelijkheid over mijn functie. Veel onrust in het team #reorganisatie",
                "De #reorganisatie zorgt voor veel werkdruk en onzekerheid, dit is slecht geregeld.",
                "Ik maak me echt zorgen over de #reorganisatie. Niemand weet waar we aan toe zijn.",
                "Teleurstellend dat we het via de krant moesten horen #reorganisatie #werkdruk",
            ],
            "en": ["Honestly worried about the #reorganisatie, nobody tells us anything."],
        },
    },
    "Duurzaam Lindendaal": {
        "pos": {
            "nl": [
                "Top! Vanaf maandag staan er fietsen klaar bij de Werf #duurzaam",
                "Mooi resultaat: 20% minder papier dit kwartaal #duurzaam #groen",
            ],
            "en": ["Love the new bike scheme, great step for #sustainability"],
        },
        "neu": {
            "nl": ["Wie doet er mee met de zwerfvuilactie op zaterdag? #duurzaam"],
            "en": ["Is there a charging point for e-bikes at the town hall? #sustainability"],
        },
        "neg": {
            "nl": ["Jammer dat de laadpalen weer vol staan met dienstauto's #parkeren"],
            "en": ["The parking situation is getting worse every week #parkeren"],
        },
    },
    "Ideeënbus": {
        "pos": {
            "nl": [
                "#idee Een gedeelde agenda voor alle servicepunten, dat zou veel schelen!",
                "Super dat mijn #idee voor de digitale balie wordt opgepakt, dank jullie wel",
            ],
            "en": ["#idea Let's share meeting rooms across locations, easy win!"],
        },
        "neu": {
            "nl": [
                "#idee Kunnen we de vergaderruimtes online reserveren?",
                "#idee Vaste inloopspreekuur van ICT op de Werf.",
            ],
            "en": ["#idea A short weekly newsletter instead of many e-mails?"],
        },
        "neg": {
            "nl": ["Mijn #idee van maart is nog steeds niet beantwoord, jammer."],
            "en": ["Submitted an #idea months ago and never heard back."],
        },
    },
    "Werkplek & ICT": {
        "pos": {
            "nl": ["Nieuwe laptop binnen, werkt perfect. Dank aan de servicedesk! #ict"],
            "en": ["The new Wi-Fi at Servicepunt Oost is great, thanks #ict"],
        },
        "neu": {
            "nl": [
                "Gepland onderhoud aan het zaaksysteem vanavond van 18 tot 20 uur #ict",
                "Waar vind ik de handleiding voor de nieuwe printer? #ict",
            ],
            "en": ["Planned maintenance tonight, systems down 18-20h #ict"],
        },
        "neg": {
            "nl": [
                "Alweer een #storing in het zaaksysteem, we kunnen inwoners niet helpen.",
                "VPN werkt niet, derde keer deze week #storing",
            ],
            "en": ["Another #storing, the case system is down again. Frustrating."],
        },
    },
    "Klant Centraal": {
        "pos": {
            "nl": [
                "Compliment van een inwoner voor ons team vandaag! #dienstverlening",
                "Wachttijd aan de balie gehalveerd, knap werk allemaal #dienstverlening",
            ],
            "en": ["Residents love the new online appointment tool #dienstverlening"],
        },
        "neu": {
            "nl": ["Vanaf 1 juni ook 's avonds open op dinsdag #dienstverlening"],
            "en": ["New opening hours at the front desk from June #dienstverlening"],
        },
        "neg": {
            "nl": ["Te veel klachten over de telefonische bereikbaarheid #dienstverlening"],
            "en": ["Phone queue complaints are piling up #dienstverlening"],
        },
    },
    "Fit op het werk": {
        "pos": {
            "nl": ["Wat een leuke wandellunch vandaag! #vitaliteit", "Yoga op vrijdag is top"],
            "en": ["Great lunch walk today, join us next week! #vitaliteit"],
        },
        "neu": {
            "nl": ["Inschrijving voor de bedrijfsloop is geopend #vitaliteit"],
            "en": ["Sign-up for the company run is open #vitaliteit"],
        },
        "neg": {
            "nl": ["De #werkdruk is te hoog, er is geen tijd voor pauze.", "Ik ben op, #werkdruk"],
            "en": ["Workload is way too high, no time for breaks #werkdruk"],
        },
    },
    "Prikbord": {
        "pos": {
            "nl": ["Taart bij de koffieautomaat, iedereen welkom!", "Gefeliciteerd Sanne!"],
            "en": ["Cake in the kitchen, everyone welcome!"],
        },
        "neu": {
            "nl": ["Wie heeft er een parkeerkaart gevonden? #parkeren", "Te koop: bureaustoel"],
            "en": ["Anyone found a blue umbrella near the entrance?"],
        },
        "neg": {
            "nl": ["Weer geen parkeerplek bij het stadhuis #parkeren"],
            "en": ["No parking space again at the town hall #parkeren"],
        },
    },
}

REPLIES = {
    "pos": {
        "nl": ["Helemaal mee eens!", "Goed idee 👍", "Dank je wel!"],
        "en": ["Agreed!", "Thanks! 👍"],
    },
    "neu": {
        "nl": ["Ik kijk het na.", "Zie de link op het intranet."],
        "en": ["Checking.", "See the intranet."],
    },
    "neg": {
        "nl": ["Herkenbaar, bij ons ook.", "Klopt, dit is niet goed."],
        "en": ["Same here, not good."],
    },
}

# community -> relative share of new threads
COMMUNITY_WEIGHTS = {
    "Reorganisatie 2026": 1.0,
    "Duurzaam Lindendaal": 1.2,
    "Ideeënbus": 1.5,
    "Werkplek & ICT": 2.0,
    "Klant Centraal": 1.5,
    "Fit op het werk": 1.0,
    "Prikbord": 2.5,
}

SENTIMENT_MIX = {"normal": (0.40, 0.40, 0.20), "reorganisation": (0.12, 0.28, 0.60)}


def message(rng: random.Random, community: str, language: str, mood: str) -> tuple[str, str]:
    """A thread starter's text and its sentiment class."""
    sentiment = rng.choices(("pos", "neu", "neg"), SENTIMENT_MIX[mood])[0]
    options = TEXTS[community][sentiment]
    return rng.choice(options.get(language) or options["nl"]), sentiment


def reply(rng: random.Random, sentiment: str, language: str) -> str:
    options = REPLIES[sentiment]
    return rng.choice(options.get(language) or options["nl"])
