"""Who is active on which tool in which month: adoption curves with personal persistence."""

from __future__ import annotations

import random
from datetime import date

from ..months import add_months
from .organisation import Person

# tool -> (role_type -> (share active in the first month, share in the last month))
ADOPTION = {
    "email": {"office": (0.97, 0.96), "frontline": (0.74, 0.70)},
    "teams": {"office": (0.78, 0.91), "frontline": (0.30, 0.52)},
    "viva_engage": {"office": (0.30, 0.62), "frontline": (0.12, 0.38)},
    "intranet": {"office": (0.62, 0.74), "frontline": (0.30, 0.42)},
    "lindendaal_app": {"office": (0.04, 0.12), "frontline": (0.08, 0.48)},
}
SLACK_DEPARTMENTS = {"ICT en Informatie": 0.80, "Communicatie": 0.55}


class Adoption:
    """A person is active on a tool in a month when their fixed threshold lies under the
    tool's adoption level for their role, give or take a little noise: adoption grows, and the
    same people tend to stay active."""

    def __init__(self, rng: random.Random, people: list[Person], first: date, months: int):
        self.first, self.months = first, months
        self.active: dict[tuple[str, str, int], bool] = {}
        for person in people:
            for tool, levels in ADOPTION.items():
                start, end = levels[person.role_type]
                threshold = 0.65 * (1 - person.keenness) + 0.35 * rng.random()
                for m in range(months):
                    level = start + (end - start) * m / max(months - 1, 1)
                    active = threshold + rng.uniform(-0.06, 0.06) < level
                    self.active[(person.email, tool, m)] = active and self._employed(person, m)
            slack_share = SLACK_DEPARTMENTS.get(person.department, 0.0)
            slack_user = rng.random() < slack_share
            for m in range(months):
                self.active[(person.email, "slack", m)] = slack_user and self._employed(person, m)

    def _employed(self, person: Person, m: int) -> bool:
        return person.employed_in(add_months(self.first, m))

    def is_active(self, person: Person, tool: str, m: int) -> bool:
        return self.active.get((person.email, tool, m), False)
