"""The words that name each job family: in a title (weighted) and in a posting (counted).

How ``families`` uses them is in its docstring.
"""

from __future__ import annotations

from typing import Final

# family -> {title term: weight}. Weight 4: names the job on its own ("nurse"); 3: strong
# ("sales"); 2: usually right ("engineer"); 1: a hint ("analyst").
TITLE_TERMS: Final[dict[str, dict[str, int]]] = {
    "software": {
        "software": 4, "developer": 4, "programmer": 4, "engineer": 2, "engineering": 2, "devops": 4, "sre": 4,
        "site reliability": 4, "backend": 4, "back-end": 4, "frontend": 4, "front-end": 4, "full stack": 4,
        "full-stack": 4, "fullstack": 4, "ios": 3, "android": 3, "qa engineer": 4, "test engineer": 4,
        "architect": 1, "systems administrator": 4, "platform engineer": 4, "security engineer": 4,
        "soc analyst": 5, "security analyst": 4, "cybersecurity": 4, "network technician": 4, "it asset": 4,
    },
    "data": {
        "data": 3, "data engineer": 5, "data scientist": 5, "analyst": 1, "scientist": 2, "analytics": 4,
        "machine learning": 4, "ml": 3, "business intelligence": 4, "bi": 2, "statistician": 4, "bi developer": 6,
        "business intelligence developer": 6,
    },
    "design": {
        "designer": 4, "design": 3, "ux": 4, "ui": 2, "user experience": 4, "user research": 4, "researcher": 1,
        "illustrator": 4, "art director": 4, "graphic": 2,
    },
    "product": {
        "product": 1, "product manager": 5, "product owner": 5, "product lead": 5, "product management": 5,
        "program manager": 2, "head of product": 5,
    },
    "sales": {
        "sales": 3, "account executive": 5, "business development": 5, "sdr": 5, "bdr": 5, "account manager": 3,
        "salesperson": 5, "sales engineer": 5, "membership sales": 5, "membership consultant": 5,
        "membership advisor": 5, "inside sales": 5, "solutions engineer": 5, "presales": 5, "pre-sales": 5,
    },
    "marketing": {
        "marketing": 4, "marketer": 4, "seo": 4, "content": 2, "copywriter": 4, "social media": 4, "brand": 2,
        "communications": 2, "demand generation": 4, "growth marketing": 5, "pr": 2,
    },
    "customer_support": {
        "customer support": 5, "customer service": 5, "support": 2, "customer success": 5, "help desk": 4,
        "helpdesk": 4, "service desk": 4, "call center": 4, "call centre": 4, "contact center": 4,
        "contact centre": 4, "technical support": 5, "client services": 4, "customer care": 5,
        "customer experience": 3,
    },
    "hr_recruiting": {
        "recruiter": 5, "recruiting": 5, "recruitment": 5, "talent acquisition": 5, "human resources": 5, "hr": 4,
        "people operations": 5, "people ops": 5, "people partner": 5, "hr business partner": 6, "sourcer": 5,
        "talent": 2, "hris": 4, "learning and development": 4, "learning & development": 4, "l&d": 4,
    },
    "finance": {
        "finance": 4, "financial": 4, "accountant": 5, "accounting": 4, "bookkeeper": 5, "controller": 4,
        "payroll": 4, "auditor": 5, "audit": 3, "tax": 3, "treasury": 4, "fp&a": 5, "accounts payable": 5,
        "accounts receivable": 5, "billing": 2, "banker": 4, "banking": 3, "bank teller": 5, "teller": 4,
        "lending": 3, "loan officer": 5, "loan": 2, "mortgage": 3, "underwriter": 4, "underwriting": 4,
        "credit analyst": 5, "insurance": 2, "claims": 3, "adjuster": 4, "claims adjuster": 5,
    },
    "administration": {
        "administrative": 5, "administrator": 2, "admin": 3, "receptionist": 5, "office manager": 5,
        "executive assistant": 5, "personal assistant": 5, "assistant": 1, "secretary": 5, "clerk": 3,
        "data entry": 4, "office": 2, "scheduler": 3, "front office": 4, "virtual assistant": 5, "grants": 3,
        "records": 3,
    },
    "operations": {
        "operations": 3, "logistics": 4, "warehouse": 4, "supply chain": 5, "procurement": 4, "fulfillment": 4,
        "fulfilment": 4, "dispatcher": 4, "dispatch": 3, "driver": 3, "forklift": 4, "inventory": 2, "shipping": 3,
        "fleet": 3, "courier": 4, "picker": 4, "packer": 4, "planner": 1, "buyer": 2, "facilities": 4, "facility": 3,
        "workforce management": 4, "wfm": 4, "qa/qc": 4, "quality control": 4, "qc": 3, "production": 3,
        "manufacturing": 3, "plant": 2,
    },
    "healthcare": {
        "nurse": 5, "nursing": 5, "rn": 5, "lpn": 5, "cna": 5, "physician": 5, "doctor": 4, "medical": 3,
        "clinical": 3, "clinician": 4, "pharmacist": 5, "pharmacy": 4, "therapist": 2, "physical therapist": 5,
        "occupational therapist": 5, "dental": 5, "hygienist": 5, "caregiver": 4, "care assistant": 4, "patient": 3,
        "phlebotomist": 5, "paramedic": 5, "emt": 5, "radiology": 5, "surgical": 5, "healthcare": 3, "hospital": 3,
        "midwife": 5, "physiotherapist": 5, "sterile processing": 5,
    },
    "education": {
        "teacher": 5, "teaching": 4, "tutor": 5, "professor": 5, "lecturer": 5, "educator": 4, "school": 2,
        "curriculum": 4, "instructional designer": 6, "teaching assistant": 6, "paraprofessional": 4, "academic": 2,
        "preschool": 5, "early years": 4, "training coordinator": 4, "training specialist": 4,
        "corporate trainer": 5, "curriculum developer": 6, "curriculum writer": 6, "elementary": 3,
    },
    "skilled_trades": {
        "electrician": 5, "plumber": 5, "carpenter": 5, "welder": 5, "mechanic": 5, "technician": 2, "hvac": 5,
        "maintenance": 3, "machinist": 5, "foreman": 3, "installer": 4, "roofer": 5, "painter": 3, "mason": 4,
        "millwright": 5, "pipefitter": 5, "construction": 3, "journeyman": 4, "electrical": 3, "plumbing": 4,
        "tradesperson": 5, "fabricator": 4, "cnc": 4, "machine operator": 4, "apprentice": 1, "heavy equipment": 5,
        "equipment operator": 4, "quality inspector": 4, "inspector": 2, "grounds": 3, "groundskeeper": 5,
        "landscaping": 4, "landscaper": 5, "cnc programmer": 6, "maintenance planner": 5,
    },
    "retail_hospitality": {
        "retail": 4, "store": 2, "cashier": 5, "barista": 5, "server": 2, "waiter": 5, "waitress": 5, "bartender": 5,
        "hostess": 4, "chef": 5, "cook": 5, "kitchen": 4, "restaurant": 4, "hotel": 4, "front desk": 3,
        "housekeeper": 5, "housekeeping": 5, "concierge": 4, "sales associate": 5, "merchandiser": 4, "stocker": 4,
        "hospitality": 4, "catering": 4, "crew member": 4, "shop": 3,
    },
    "fitness_wellness": {
        "fitness": 3, "trainer": 3, "personal trainer": 5, "yoga": 5, "pilates": 5, "gym": 3, "wellness": 3,
        "strength and conditioning": 5, "group fitness": 5, "massage": 5, "spa": 3, "nutrition": 3,
        "nutritionist": 5, "lifeguard": 4, "health coach": 5, "esthetician": 4, "swim": 2, "aquatics": 5, "aquatic": 5,
    },
}

# family -> words its postings use; counted once each, from the company name, the
# description and the requirements.
CONTEXT_TERMS: Final[dict[str, tuple[str, ...]]] = {
    "software": (
        "software", "codebase", "api", "apis", "python", "java", "javascript", "typescript", "react", "kubernetes",
        "docker", "microservices", "deploy", "deployment", "ci/cd", "git", "on-call", "pull request", "code review",
    ),
    "data": (
        "sql", "dashboards", "tableau", "looker", "power bi", "dbt", "snowflake", "bigquery", "etl",
        "data pipelines", "statistics", "a/b", "machine learning", "data warehouse", "pandas", "spark", "analytics",
    ),
    "design": (
        "figma", "sketch", "prototypes", "prototyping", "wireframes", "usability", "design system", "adobe",
        "portfolio", "typography", "interaction design", "visual design", "user research",
    ),
    "product": (
        "roadmap", "roadmaps", "discovery", "user stories", "backlog", "product strategy", "okrs", "product-market",
        "prioritisation", "prioritization", "feature launches",
    ),
    "sales": (
        "quota", "pipeline", "prospecting", "leads", "crm", "salesforce", "hubspot", "closing", "cold calling",
        "commission", "sales targets", "deals", "b2b", "upsell", "upselling", "conversion", "memberships",
    ),
    "marketing": (
        "campaigns", "seo", "sem", "social media", "brand", "email marketing", "google ads", "paid media",
        "marketing automation", "funnel", "audience", "content marketing",
    ),
    "customer_support": (
        "tickets", "zendesk", "intercom", "freshdesk", "csat", "nps", "escalations", "sla", "customer satisfaction",
        "live chat", "inbound calls", "troubleshooting", "customer inquiries",
    ),
    "hr_recruiting": (
        "hiring", "candidates", "ats", "greenhouse", "lever", "workday", "sourcing", "employee relations", "hris",
        "headcount", "offer letters", "talent",
    ),
    "finance": (
        "reconciliation", "reconciliations", "month-end", "gaap", "ifrs", "budgeting", "forecasting", "quickbooks",
        "netsuite", "ledger", "invoices", "accounts payable", "variance", "financial statements", "credit union",
        "banking", "deposits", "loans", "lending", "bsa", "aml", "kyc",
    ),
    "administration": (
        "calendar", "calendars", "filing", "data entry", "microsoft office", "travel arrangements", "correspondence",
        "meeting minutes", "office supplies", "front desk", "diary management",
    ),
    "operations": (
        "warehouse", "logistics", "shipping", "inventory", "supply chain", "forklift", "fulfillment", "fulfilment",
        "routes", "dispatch", "vendors", "procurement", "throughput", "wms", "carriers",
    ),
    "healthcare": (
        "patients", "patient", "ehr", "emr", "epic", "cerner", "charting", "clinical", "hospital", "clinic", "icu",
        "nursing", "care plans", "hipaa", "medication", "bedside", "healthcare",
    ),
    "education": (
        "students", "classroom", "curriculum", "lesson plans", "lesson planning", "school", "learners", "pupils",
        "district", "semester", "teaching", "grade level",
    ),
    "skilled_trades": (
        "blueprints", "job site", "jobsite", "osha", "apprenticeship", "journeyman", "wiring", "installations",
        "service calls", "ppe", "power tools", "hand tools", "building codes", "trade",
    ),
    "retail_hospitality": (
        "store", "pos", "point of sale", "merchandising", "guests", "restaurant", "hotel", "menu", "food safety",
        "footfall", "foot traffic", "retail", "shoppers", "hospitality",
    ),
    "fitness_wellness": (
        "members", "gym", "fitness", "club", "personal training", "trainers", "wellness", "studio", "workouts",
        "mindbody", "peak hours", "group classes", "spa", "member retention",
    ),
}
