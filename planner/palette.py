"""The colours every view and report shares: the Okabe–Ito palette (safe for colour-blind readers) and the colour
of each stakeholder sector, as hex strings for Qt and reportlab alike."""

from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

# The fill of each sector (codes as in planner.model.vocabulary.SECTORS), the same on screen and on paper.
SECTOR_COLOURS: dict[str, str] = {
    "central_government": OKABE_ITO["blue"],
    "local_government": OKABE_ITO["vermillion"],
    "public_agency": OKABE_ITO["bluish_green"],
    "private_company": OKABE_ITO["orange"],
    "global_partner": OKABE_ITO["reddish_purple"],
    "civil_society": OKABE_ITO["yellow"],
    "academia": OKABE_ITO["sky_blue"],
}
