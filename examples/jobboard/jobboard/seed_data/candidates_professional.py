"""Candidates for the office and clinical roles. Invented people; résumés written for this project."""

from __future__ import annotations

from typing import Any

from . import unwrap

BACKEND_ENGINEER: dict[str, Any] = {
    "name": "Daniel Okoye",
    "email": "daniel.okoye@example.com",
    "timezone": "America/Los_Angeles",
    "locale": "en-US",
    "applies_to": "Backend Software Engineer (Python)",
    "days_ago": 2,
    "skills": "Python, Flask, Django, PostgreSQL, SQL, Celery, Redis, Docker, AWS, Code review, Mentoring",
    "profile": unwrap("""
        Daniel Okoye
        Vancouver, WA · daniel.okoye@example.com · github.com/dokoye-example

        Backend engineer with five years of Python, most of it on systems that move physical
          things: parcels, meals and now medical supplies. I enjoy making slow things fast and
          confusing things obvious.

        EXPERIENCE

        Software Engineer II, Carrow Medical Logistics, Portland, OR, 2021 – present
        - Built the routing API (Flask, PostgreSQL, Celery on Redis) that plans 2,500 hospital
          deliveries a day for 40 drivers.
        - Cut the nightly route-planning job from 25 minutes to 4 by moving distance lookups
          into a cached matrix and batching database writes.
        - Led the move from cron scripts to Celery with retries and idempotent tasks; failed
          nightly jobs went from about 6 a month to none in the last 9 months.
        - Added OpenTelemetry tracing and Grafana dashboards; p95 API latency dropped from 900
          ms to 220 ms after we could see where time went.
        - Review 10 to 15 pull requests a week and mentored two junior engineers through their
          first on-call rotations.

        Software Engineer, Quickbite Delivery, Seattle, WA, 2019 – 2021
        - Wrote Django services for restaurant onboarding and payouts, handling $1.2M a week.
        - Fixed a slow payouts query (from 40 s to 300 ms) by adding a composite index and
          rewriting an ORM loop as one SQL statement.
        - Wrote the team's testing guide; coverage of the payouts service rose from 45% to 85%.

        EDUCATION
        B.S. Computer Science, Oregon State University, 2019

        SKILLS
        Python, Flask, Django, SQLAlchemy, PostgreSQL, Celery, Redis, Docker, AWS (ECS, RDS, SQS),
          OpenTelemetry, pytest.
        """),
}

DATA_ANALYST: dict[str, Any] = {
    "name": "Sofia Marquez",
    "email": "sofia.marquez@example.org",
    "timezone": "America/Chicago",
    "locale": "en-US",
    "applies_to": "Data Analyst, Customer Insights",
    "days_ago": 5,
    "skills": "SQL, Excel, Tableau, Python, pandas, Data visualization, Stakeholder communication",
    "profile": unwrap("""
        Sofia Marquez
        Austin, TX · sofia.marquez@example.org

        Operations analyst moving into product and customer analytics. Two and a half years of
          SQL and dashboards for a regional grocery chain, and a habit of asking "what will we
          do differently?" before building a report.

        EXPERIENCE

        Operations Analyst, Lone Oak Grocers, Austin, TX, 2022 – present
        - Own 14 Tableau dashboards used by 60 store managers for labour, shrink and
          out-of-stock tracking.
        - Wrote the SQL (window functions, CTEs) behind a weekly out-of-stock report that helped
          cut empty-shelf hours by 18% across 22 stores.
        - Analysed delivery-window data for the online grocery team and showed that 2-hour
          windows, not price, drove cancellations; the change cut cancellations by 11%.
        - Replaced a 30-tab Excel workbook with a pandas notebook that runs in 2 minutes
          instead of half a day.
        - Present findings monthly to the VP of Operations in a one-page memo.

        Store Operations Coordinator, Lone Oak Grocers, 2020 – 2022
        - Scheduled 120 staff across two stores and tracked labour against budget in Excel.

        EDUCATION
        B.A. Economics, Texas State University, 2020
        Google Data Analytics Certificate, 2022

        LANGUAGES
        English and Spanish.
        """),
}

NURSE: dict[str, Any] = {
    "name": "Grace Thompson",
    "email": "grace.thompson@example.net",
    "timezone": "America/Los_Angeles",
    "locale": "en-US",
    "applies_to": "Registered Nurse, Medical-Surgical (Nights)",
    "days_ago": 2,
    "skills": "Patient assessment, Medication administration, IV therapy, Epic, BLS, ACLS, Patient "
              "education, Telemetry",
    "profile": unwrap("""
        Grace Thompson, RN, BSN
        Elk Grove, CA · grace.thompson@example.net

        Registered nurse with three years on a busy medical-surgical and telemetry unit, the last
          two on nights. Steady under pressure, careful with medications, and good at
          explaining things to frightened families at 3 a.m.

        LICENSES AND CERTIFICATIONS
        California RN license (active), BLS and ACLS (American Heart Association), NIH Stroke
          Scale.

        EXPERIENCE

        Registered Nurse, Med-Surg/Telemetry, Delta Regional Medical Center, Stockton, CA,
          2022 – present
        - Care for 4 to 5 adult patients per 12-hour night shift on a 36-bed unit, including
          post-operative, cardiac and diabetic patients.
        - Give IV medications, manage PCA pumps and heparin drips, and monitor telemetry for up
          to 5 patients at a time.
        - Called 14 rapid responses in 2023 based on early warning signs; all 14 patients were
          stabilised.
        - Preceptor for 4 new graduate nurses through their 12-week orientation.
        - Member of the unit's falls committee; our fall rate dropped 35% after we introduced
          hourly rounding on nights.
        - Document all care in Epic and lead bedside handover at shift change.

        Nursing Assistant, Delta Regional Medical Center, 2019 – 2021 (while in school)
        - Took vital signs, helped patients move and bathe, and supported nurses on a 30-bed
          unit.

        EDUCATION
        Bachelor of Science in Nursing, California State University, Sacramento, 2021
        """),
}

MARKETER: dict[str, Any] = {
    "name": "Rachel Adeyemi",
    "email": "rachel.adeyemi@example.com",
    "timezone": "America/New_York",
    "locale": "en-US",
    "applies_to": "Marketing Manager, Lifecycle & Email",
    "days_ago": 6,
    "skills": "Email marketing, Klaviyo, Lifecycle marketing, A/B testing, Segmentation, Copywriting, "
              "HTML email, Team leadership",
    "profile": unwrap("""
        Rachel Adeyemi
        Columbus, OH · rachel.adeyemi@example.com

        Lifecycle marketer with six years in e-commerce email and SMS. I build flows that earn
          their place in the inbox and I report on revenue, not open rates.

        EXPERIENCE

        Senior Email Marketing Specialist, Oak & Thread Apparel, Columbus, OH, 2021 – present
        - Own email and SMS for a 280,000-subscriber list in Klaviyo; email drives 27% of online
          revenue, up from 19% when I started.
        - Rebuilt the welcome series from 2 to 5 messages with product education; first-order
          conversion rose from 6.1% to 8.4%.
        - Run 4 to 6 A/B tests a month on subject lines, send times and content blocks, and keep
          a shared log of results.
        - Cut the list by 60,000 inactive subscribers and lifted inbox placement from 84% to
          96%.
        - Manage a junior coordinator and brief our designer and copywriter each week.

        Email Marketing Coordinator, Hearth Candle Co., Cincinnati, OH, 2018 – 2021
        - Built weekly campaigns in HTML and CSS and set up the first abandoned-cart flow, which
          made $310,000 in its first year.
        - Launched SMS with double opt-in, growing to 22,000 subscribers in 10 months.

        EDUCATION
        B.A. Marketing, Ohio University, 2018
        """),
}

PROFESSIONAL_CANDIDATES = [BACKEND_ENGINEER, DATA_ANALYST, NURSE, MARKETER]
