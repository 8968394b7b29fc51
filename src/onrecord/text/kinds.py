"""Closed classes of things of one kind, no two of which are the same: copper is no gold, physics no chemistry,
a midfielder no defender, a letter by post no email.

A near-copy of a source sentence that puts one member of a class in the place of another says another fact
(``judge.substitution``), where an ordinary word in that place may be a synonym ("known" for "recognized") and
says nothing. A member may have several names ("lorry" and "truck", "post" and "mail"): those are one member.
Only kinds whose members exclude one another are listed; a general word ("vehicle", "metal") is in none, so a
hypernym in a claim ("a vehicle" for "a van") is never read as another kind.
"""

from __future__ import annotations

from functools import lru_cache

from onrecord.text.lexical import stem

_CLASSES: list[str] = [
    # metals and minerals mined or traded
    "gold, silver, copper, iron, nickel, zinc, lithium, cobalt, aluminium/aluminum, platinum, lead, tin, uranium",
    # fuels and sources of energy
    "oil/petroleum/crude, gas/natural gas, coal, nuclear, solar, wind, hydro/hydroelectric, diesel, petrol/gasoline",
    # sciences and school subjects
    "physics, chemistry, biology, mathematics/maths/math, geology, astronomy, economics, history, geography, "
    "medicine, law, engineering, philosophy, psychology, sociology, linguistics, literature",
    # positions on a football team
    "goalkeeper/keeper/goalie, defender, midfielder, forward/striker",
    # family
    "brother, sister, father, mother, son, daughter, husband, wife, uncle, aunt, nephew, niece, grandfather, "
    "grandmother, cousin",
    # ways of sending word
    "email/e-mail, mail/post/letter, phone/telephone/call, text/sms, fax",
    # vehicles
    "car, bus, train, plane/aircraft/airplane/aeroplane, lorry/truck, van, bicycle/bike, motorcycle/motorbike, "
    "tram, ferry, taxi/cab, ship",
    # sports
    "football/soccer, tennis, cricket, rugby, basketball, golf, hockey, baseball, volleyball, athletics, swimming, "
    "cycling, boxing",
    # meals
    "breakfast, lunch, dinner/supper",
    # materials
    "wood/timber, steel, concrete, glass, plastic, brick, stone, paper",
    # crimes
    "murder, manslaughter, theft, fraud, robbery, burglary, assault, arson, kidnapping",
    # diseases often named in the news
    "flu/influenza, measles, covid/coronavirus, norovirus, malaria, cholera, tuberculosis/tb, mpox, ebola, polio",
    # seasons
    "spring, summer, autumn/fall, winter",
    # currencies
    "dollar, euro, pound/sterling, yen, yuan/renminbi, rupee, franc, peso, rouble/ruble",
    # instruments
    "piano, guitar, violin, cello, drums, trumpet, flute, saxophone",
    # professions in a hospital or a school
    "doctor/physician, nurse, surgeon, paramedic, pharmacist, midwife",
    "teacher, pupil/student, headteacher/principal",
]


@lru_cache(maxsize=1)
def _members() -> dict[str, tuple[int, int]]:
    """Each name's stem -> (its class, its member in the class)."""
    out: dict[str, tuple[int, int]] = {}
    for k, line in enumerate(_CLASSES):
        for j, member in enumerate(line.split(",")):
            for name in member.split("/"):
                out.setdefault(stem(name.strip().lower()), (k, j))
    return out


def other_of_its_kind(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` (single words) name two members of one class: "copper" and "gold"; not "lorry" and
    "truck", one member's two names."""
    ma, mb = _members().get(stem(a.lower())), _members().get(stem(b.lower()))
    return ma is not None and mb is not None and ma[0] == mb[0] and ma[1] != mb[1]
