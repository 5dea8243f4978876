"""Candidates for the front-line roles. Invented people; résumés written for this project."""

from __future__ import annotations

from typing import Any

from . import unwrap

RETAIL_ASSOCIATE: dict[str, Any] = {
    "name": "Jordan Alvarez",
    "email": "jordan.alvarez@example.com",
    "timezone": "America/Denver",
    "locale": "en-US",
    "applies_to": "Membership Sales Consultant",
    "days_ago": 1,
    "skills": "Sales, Upselling, Customer service, CRM follow-up, Cash handling, Opening and closing, "
              "Training new staff, Spanish",
    "profile": unwrap("""
        Jordan Alvarez
        Aurora, CO · jordan.alvarez@example.com

        SUMMARY
        Retail sales associate with four years on the floor of a busy electronics store. I like
          meeting people, working out what they actually need and closing the sale without
          pressure. One of the top sellers in the store and the person my managers ask to train
          new hires. Looking for a role where I help people commit to their health.

        EXPERIENCE

        Senior Sales Associate, Brightline Electronics (Southlands mall), Aurora, CO
          · June 2021 – present
        - Beat my monthly sales quota by 20% or more for 8 straight months (February to
          September 2024), and ranked first of 12 associates in five of those months.
        - Raised my protection-plan attach rate on laptops and TVs from 14% to 31% by explaining
          the coverage plainly instead of pushing it; the plans added about $4,200 a month.
        - Upsold accessories and setup services on roughly 1 in 3 large purchases.
        - Greet and help 100+ customers a day on weekends and during the holiday peak, with a
          4.8 out of 5 average in post-purchase surveys.
        - Open and close the store three days a week: cash counts, bank deposits, alarm and the
          closing checklist, with zero cash variances in 2023.
        - Trained 9 new associates on the point-of-sale system, product knowledge and our
          "greet within 30 seconds" standard.
        - Logged 40 to 60 follow-up calls a month in the store's CRM with customers who were
          "just looking"; about one in four came back to buy.
        - Run the Saturday trade-in desk: appraise devices, explain offers and turn trade-ins
          into upgrades.

        Sales Associate (part-time), Brightline Electronics, Aurora, CO
          · August 2020 – May 2021
        - Worked 20 hours a week while finishing my associate degree; promoted to senior
          associate after 10 months.
        - Covered the returns and exchanges desk in the holiday season, about 70 transactions a
          shift.

        Front Desk Associate (part-time), Cherry Creek Recreation Center, Denver, CO
          · 2018 – 2020
        - Checked in members, sold day passes and 10-visit cards, and answered questions about
          classes and pool times.
        - Ran the desk alone on early shifts starting at 5:30 a.m.

        EDUCATION
        Associate of Arts, Community College of Aurora, 2021

        OTHER
        Bilingual English and Spanish. Play in a Sunday-morning soccer league and have finished
          two half-marathons.
        """),
}

SUPPORT_SPECIALIST: dict[str, Any] = {
    "name": "Aisha Rahman",
    "email": "aisha.rahman@example.org",
    "timezone": "America/New_York",
    "locale": "en-US",
    "applies_to": "Customer Support Specialist",
    "days_ago": 3,
    "skills": "Customer support, Zendesk, Live chat, Written communication, De-escalation, Refunds and "
              "returns, Knowledge base writing",
    "profile": unwrap("""
        Aisha Rahman
        Richmond, VA · aisha.rahman@example.org

        Customer support specialist with three years of phone, email and chat support, most
          recently for a subscription meal-kit company. I write replies people actually read,
          and I care about fixing the cause, not only the ticket.

        EXPERIENCE

        Customer Care Specialist, Greenplate Meals (remote), 2022 – present
        - Handle 60 to 80 conversations a day across email and live chat in Zendesk, keeping a
          94% customer satisfaction score over 18 months.
        - Resolve delivery problems end to end: reship boxes, issue credits up to $75, and
          file carrier claims, recovering about $3,000 a quarter.
        - Noticed a spike in "missing ice pack" complaints from one packing line and sent the
          operations team 40 examples; the fix cut those contacts by 70%.
        - Rewrote 25 help-centre articles; contacts about skipping a week dropped 30% in the
          following two months.
        - Calm down upset customers on escalated calls and know when to hand a case to my
          lead.

        Call Centre Representative, Commonwealth Utilities, Richmond, VA, 2020 – 2022
        - Answered 70+ billing and outage calls a shift, with an average handle time under 6
          minutes.
        - Set up payment plans for customers behind on bills, following strict compliance
          scripts.
        - Recognised twice as "Rep of the Month" for quality scores.

        Server, Maple & Rye Diner, Richmond, VA, 2018 – 2020
        - Worked busy weekend brunches of 200+ covers and trained new servers.

        EDUCATION
        Some coursework in communications, Reynolds Community College.

        TOOLS
        Zendesk, Gorgias (trial project), Shopify admin, Slack, Google Workspace.
        """),
}

WAREHOUSE_SUPERVISOR: dict[str, Any] = {
    "name": "Tom Brennan",
    "email": "tom.brennan@example.net",
    "timezone": "America/New_York",
    "locale": "en-US",
    "applies_to": "Warehouse Operations Lead (Second Shift)",
    "days_ago": 4,
    "skills": "Warehouse management systems, Team leadership, Forklift certified, Safety, Cycle counts, "
              "Training, Excel",
    "profile": unwrap("""
        Tom Brennan
        Canal Winchester, OH · tom.brennan@example.net

        Warehouse shift lead with six years in distribution, the last two running a crew of 15
          on nights. Forklift certified, OSHA 10, and the person people call when the
          conveyor jams at 2 a.m.

        EXPERIENCE

        Shift Lead, Northpoint Distribution (third-party logistics), Obetz, OH, 2022 – present
        - Lead a night crew of 12 to 15 associates picking and shipping for three retail
          clients, about 3,000 orders a night.
        - Raised pick accuracy from 98.6% to 99.7% in a year by re-slotting fast movers and
          coaching the three lowest performers one to one.
        - Ran daily safety huddles; the night shift went 410 days without a recordable
          injury.
        - Trained 30+ seasonal temps each peak season, with a one-page guide I wrote for the
          handheld scanners.
        - Use Manhattan WMS every shift for wave planning, cycle counts and exception reports.
        - Send a nightly handover report in Excel to the day-shift supervisor.

        Warehouse Associate, then Trainer, Buckeye Home Supply DC, Columbus, OH, 2018 – 2022
        - Picked, packed and loaded trucks; promoted to trainer after 18 months.
        - Earned forklift and reach-truck certification and helped run 5S clean-ups in the
          receiving area.

        CERTIFICATIONS
        Forklift and reach truck (current), OSHA 10, First Aid/CPR.

        EDUCATION
        High school diploma, Groveport Madison High School.
        """),
}

SALES_SUPPORT_CANDIDATES = [RETAIL_ASSOCIATE, SUPPORT_SPECIALIST, WAREHOUSE_SUPERVISOR]
