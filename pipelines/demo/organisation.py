"""The fictional organisation: people, their segments, careers and how keen they are online."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ..months import add_months, month_end

ORGANISATION = "Gemeente Lindendaal"
DOMAIN = "lindendaal.nl"

# department -> (share of staff, share frontline)
DEPARTMENTS = {
    "Burgerzaken": (0.12, 0.55),
    "Ruimte en Wonen": (0.13, 0.15),
    "Sociaal Domein": (0.18, 0.40),
    "Openbare Ruimte": (0.17, 0.85),
    "Bedrijfsvoering": (0.14, 0.05),
    "ICT en Informatie": (0.08, 0.10),
    "Communicatie": (0.05, 0.0),
    "Handhaving": (0.13, 0.80),
}
LOCATIONS = ["Stadhuis", "Werf Noord", "Servicepunt Oost", "Servicepunt West"]
# Fewer people than the minimum group size (10): every output shows its reach as "< 10".
SMALL_LOCATION = "Gemeentearchief"

FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Daan",
    "Emma",
    "Femke",
    "Fleur",
    "Gijs",
    "Hanna",
    "Iris",
    "Jesse",
    "Joris",
    "Julia",
    "Kees",
    "Lars",
    "Lieke",
    "Lotte",
    "Luuk",
    "Maartje",
    "Mila",
    "Noor",
    "Pieter",
    "Roos",
    "Sanne",
    "Sem",
    "Sophie",
    "Thijs",
    "Tim",
    "Vera",
    "Wout",
    "Yara",
    "Zoë",
    "Ahmed",
    "Fatima",
    "Mehmet",
    "Yusuf",
    "Aylin",
    "Priya",
    "Marco",
    "Ingrid",
    "Henk",
]
LAST_NAMES = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kaya",
    "Yilmaz",
    "El Amrani",
    "Bouali",
    "Koster",
    "Prins",
    "Huisman",
    "Kok",
    "Verhoeven",
]


@dataclass
class Person:
    employee_id: str
    name: str
    email: str
    department: str
    location: str
    role_type: str
    birth_year: int
    start_date: date
    end_date: date | None
    keenness: float  # 0..1: how readily this person adopts social tools
    voice: float  # heavy-tailed weight: how much this person writes
    language: str  # nl or en, for message texts
    is_guest: bool = False

    def employed_in(self, first: date) -> bool:
        return self.start_date <= month_end(first) and (
            self.end_date is None or self.end_date >= first
        )


def _email(name: str, taken: set[str], domain: str) -> str:
    local = name.lower().replace(" ", ".").replace("ë", "e")
    candidate, n = f"{local}@{domain}", 1
    while candidate in taken:
        n += 1
        candidate = f"{local}{n}@{domain}"
    taken.add(candidate)
    return candidate


def _person(rng: random.Random, number: int, taken: set[str], start: date) -> Person:
    department = rng.choices(list(DEPARTMENTS), [v[0] for v in DEPARTMENTS.values()])[0]
    frontline = rng.random() < DEPARTMENTS[department][1]
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    location = rng.choice(LOCATIONS[1:]) if frontline else rng.choices(LOCATIONS, [6, 1, 2, 2])[0]
    return Person(
        employee_id=f"E{number:05d}",
        name=name,
        email=_email(name, taken, DOMAIN),
        department=department,
        location=location,
        role_type="frontline" if frontline else "office",
        birth_year=rng.randint(1960, 2004),
        start_date=start,
        end_date=None,
        keenness=rng.betavariate(2.2, 2.0) * (0.75 if frontline else 1.0),
        voice=rng.paretovariate(1.3),
        language="en" if rng.random() < 0.12 else "nl",
    )


def build_staff(rng: random.Random, first_month: date, months: int, size: int) -> list[Person]:
    """Staff at the start, plus joiners and leavers in every month of the history."""
    taken: set[str] = set()
    people = []
    for number in range(1, int(size * 0.97) + 1):
        start = first_month - timedelta(days=rng.randint(60, 25 * 365))
        people.append(_person(rng, number, taken, start))
    number = len(people)
    for offset in range(months):
        first = add_months(first_month, offset)
        for _ in range(rng.randint(6, 10)):
            number += 1
            start = first + timedelta(days=rng.randint(0, 27))
            people.append(_person(rng, number, taken, start))
        current = [p for p in people if p.end_date is None and p.start_date < first]
        for leaver in rng.sample(current, rng.randint(4, 7)):
            leaver.end_date = first + timedelta(days=rng.randint(0, 27))
    for person in [p for p in people if p.location == "Stadhuis" and p.role_type == "office"][:7]:
        person.location = SMALL_LOCATION
    return people


def guests(rng: random.Random, count: int) -> list[Person]:
    """External partners with a guest account: active in the tools, never in the roster."""
    taken: set[str] = set()
    result = []
    for number in range(count):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        person = _person(rng, 90000 + number, taken, date(2000, 1, 1))
        person.name = name
        person.email = _email(name, taken, "partnerbureau.nl")
        person.is_guest = True
        result.append(person)
    return result
