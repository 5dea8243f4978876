"""Companies and their recruiters (one each). All invented."""

from __future__ import annotations

from typing import Any

COMPANIES: list[dict[str, Any]] = [
    {
        "slug": "harborlight",
        "name": "Harborlight Software",
        "tagline": "Dispatch and dock-scheduling software for regional freight carriers",
        "recruiter": {"name": "Priya Raman", "email": "priya.raman@harborlight.example"},
    },
    {
        "slug": "valley-ridge-health",
        "name": "Valley Ridge Health",
        "tagline": "A 240-bed community hospital and three neighbourhood clinics",
        "recruiter": {"name": "Marcus Bell", "email": "marcus.bell@valleyridgehealth.example"},
    },
    {
        "slug": "fernhill",
        "name": "Fernhill Home Goods",
        "tagline": "Kitchenware, linens and lighting, shipped from our own fulfilment centre",
        "recruiter": {"name": "Hannah Kowalski", "email": "hannah.kowalski@fernhill.example"},
    },
    {
        "slug": "summit-street-fitness",
        "name": "Summit Street Fitness",
        "tagline": "Four neighbourhood fitness clubs across Denver",
        "recruiter": {"name": "Tasha Greene", "email": "tasha.greene@summitstreetfitness.example"},
    },
]
