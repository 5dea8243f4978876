"""Front-line jobs: nurse, customer support, warehouse lead, membership sales."""

from __future__ import annotations

from typing import Any

from . import unwrap

REGISTERED_NURSE: dict[str, Any] = {
    "company": "valley-ridge-health",
    "title": "Registered Nurse, Medical-Surgical (Nights)",
    "location": "Sacramento, CA",
    "remote": "onsite",
    "seniority": "Experienced",
    "employment_type": "Full-time, 3 × 12-hour night shifts",
    "salary_range": "$64 – $81 per hour + night differential",
    "days_ago": 2,
    "description": unwrap("""
        Valley Ridge Health is a 240-bed community hospital in south Sacramento. Our 32-bed
          Medical-Surgical unit cares for adults after surgery and with conditions such as
          pneumonia, heart failure, diabetes and infections. We are looking for registered
          nurses for our night shift (7 p.m. to 7:30 a.m.), three shifts a week with every
          third weekend.

        On nights, the unit runs with six RNs, two nursing assistants and a charge nurse, so
          you will usually care for four or five patients. Our nurse-to-patient ratios follow
          California law, and our unit educator works one night a week so night staff get the
          same training time as days.

        ## What you'll do
        - Assess, plan and give care to four or five adult patients per shift, and document it
          in Epic.
        - Give medications, including IV infusions and PCA pumps, and watch for reactions.
        - Recognise when a patient is getting worse and call the rapid response team early.
        - Teach patients and families about new medications, wound care and what to watch for
          at home.
        - Hand over clearly at the bedside at the start and end of each shift.
        - Help precept new graduate nurses once you are settled in.

        ## What we offer
        Pay from $64 to $81 an hour depending on experience, plus a $7.50 hourly night
          differential. Medical, dental and vision from your first day, a pension plan, tuition
          support for your BSN or MSN, and paid time to earn a specialty certification.
          Orientation lasts eight to ten weeks, with a dedicated preceptor.
        """),
    "requirements": unwrap("""
        ## Requirements
        - Current California RN license (or eligibility for one by your start date).
        - BLS certification from the American Heart Association; ACLS within six months of
          hire.
        - At least one year of acute-care nursing experience in a hospital setting.
        - Confident with an electronic health record; Epic experience is preferred.
        - Calm, clear communication with patients, families, physicians and the rest of the
          team, especially when things move fast.

        ## Nice to have
        - Medical-Surgical Nursing certification (CMSRN).
        - A Bachelor of Science in Nursing.
        - Experience with telemetry patients or post-operative orthopaedic care.
        - A second language, especially Spanish, Vietnamese, Russian or Punjabi, all widely
          spoken in our community.
        """),
}

CUSTOMER_SUPPORT: dict[str, Any] = {
    "company": "fernhill",
    "title": "Customer Support Specialist",
    "location": "United States (Eastern or Central time)",
    "remote": "remote",
    "seniority": "Entry-level",
    "employment_type": "Full-time",
    "salary_range": "$21 – $24 per hour",
    "days_ago": 4,
    "description": unwrap("""
        When a Fernhill duvet arrives in the wrong colour, or a lamp arrives in pieces, the
          first person our customer talks to is on our support team. We answer around 1,800
          conversations a week by email, chat and phone, and we would like every customer to
          leave the conversation happier than they started it.

        You will join a team of eleven specialists and two leads, working from home across
          the Eastern and Central time zones. Shifts are five eight-hour days between 8 a.m.
          and 8 p.m. Eastern, with one weekend day every other week. We use Gorgias for tickets
          and chat, Shopify for orders, and our warehouse team is one message away in Slack.

        ## What you'll do
        - Answer customer questions by email, chat and phone about orders, deliveries, returns
          and our products.
        - Solve problems end to end: arrange replacements, issue refunds within your limits,
          and follow up until the customer has what they need.
        - Spot patterns, such as a product that keeps arriving damaged, and report them to the
          right team with examples.
        - Keep our help-centre articles accurate, and suggest new ones when the same question
          comes up again and again.
        - Meet our service goals: first reply within 4 hours by email and within 2 minutes on
          chat.

        ## Training and growth
        You will spend your first two weeks in paid training with a buddy, including a day
          shadowing our warehouse team by video. Several of our leads and our returns
          coordinator started as specialists.
        """),
    "requirements": unwrap("""
        ## What you'll need
        - 1+ year in customer service, retail, hospitality or a call centre.
        - Clear, warm writing; you can explain a delay without sounding like a form letter.
        - Comfort switching between several tools and conversations at once.
        - A quiet place to work and a reliable internet connection (we send you the laptop and
          a headset).
        - Patience with upset customers and the judgement to know when to escalate.

        ## Nice to have
        - Experience with a helpdesk tool such as Gorgias, Zendesk or Freshdesk.
        - Knowledge of Shopify or another e-commerce platform.
        - Fluency in Spanish or French.
        - Experience with returns, shipping claims or warehouse operations.
        """),
}

WAREHOUSE_LEAD: dict[str, Any] = {
    "company": "fernhill",
    "title": "Warehouse Operations Lead (Second Shift)",
    "location": "Groveport, OH",
    "remote": "onsite",
    "seniority": "Lead",
    "employment_type": "Full-time, Monday–Friday 2:30 p.m.–11 p.m.",
    "salary_range": "$26 – $29 per hour",
    "days_ago": 5,
    "description": unwrap("""
        Every Fernhill order ships from our 180,000-square-foot fulfilment centre in Groveport,
          just south of Columbus. On a normal weekday we pick, pack and ship around 4,500
          orders, and in November that number triples. Second shift handles the afternoon
          carrier pickups and gets the building ready for the morning.

        As Operations Lead on second shift, you will run the floor with a team of 18 to 25
          associates (more during peak season), reporting to the Operations Manager. You will
          be the person associates come to with a question, the one who moves people between
          picking, packing and receiving as the work changes, and the one who makes sure
          everyone goes home safe.

        ## What you'll do
        - Plan the shift: assign associates to picking, packing, receiving and returns based on
          the order volume and the carrier cut-off times.
        - Keep an eye on rates and accuracy in our warehouse management system, and coach
          people who are struggling before it becomes a problem.
        - Lead a five-minute safety huddle at the start of each shift and run weekly safety
          walks.
        - Train new associates and temporary staff, especially in the weeks before peak.
        - Work with inventory control on cycle counts and with customer support on damaged or
          mis-shipped orders.
        - Write a short handover for the first-shift lead at the end of each night.

        ## Why Fernhill
        We promote from within: three of our four current leads started as associates. We pay
          a $1.50 an hour shift differential on top of the posted rate, offer full benefits
          from day one, and close the building on Thanksgiving and Christmas Day.
        """),
    "requirements": unwrap("""
        ## Requirements
        - 2+ years of warehouse, distribution or fulfilment experience, including at least 1
          year as a lead, trainer or supervisor.
        - Experience with a warehouse management system (WMS) and handheld scanners.
        - Able to be on your feet for a full shift and lift up to 50 lb.
        - Comfortable with basic spreadsheets and email to report on the shift.
        - A steady, fair way of giving feedback and handling conflict on the floor.

        ## Nice to have
        - Powered industrial truck (forklift) certification, or willingness to get it.
        - Lean or 5S experience, or any structured continuous-improvement work.
        - Experience with peak-season hiring and temporary staff.
        - OSHA 10 or OSHA 30 training.
        """),
}

MEMBERSHIP_SALES: dict[str, Any] = {
    "company": "summit-street-fitness",
    "title": "Membership Sales Consultant",
    "location": "Denver, CO (Highlands club)",
    "remote": "onsite",
    "seniority": "Entry-level",
    "employment_type": "Full-time",
    "salary_range": "$18/hour + commission (on-target earnings $52,000 – $60,000)",
    "days_ago": 1,
    "description": unwrap("""
        Summit Street Fitness runs four neighbourhood clubs in Denver, with strength floors,
          group classes, a lap pool at two of them and childcare at all four. We are not the
          cheapest gym in town and we do not try to be. People join us because the club feels
          friendly, the classes are good and someone remembers their name.

        Our Highlands club has 3,100 members and is growing. We are hiring a Membership Sales
          Consultant to welcome prospective members, show them around, and help them choose
          the membership that fits how they want to train. You will be part of a four-person
          membership team led by the club's General Manager.

        ## What you'll do
        - Greet walk-ins and guests, give club tours, and find out what each person is hoping
          to achieve, whether that is a first 5K or getting back to the gym after an injury.
        - Recommend the right membership and add-ons, such as personal training packages or
          childcare, and close sales at the club.
        - Follow up with leads from our website, guest passes and community events by phone,
          text and email, and keep our CRM up to date.
        - Meet monthly membership and revenue targets, and help the team reach the club goal.
        - Represent the club at local events, from farmers' markets to 10K races.
        - Check in on new members during their first 90 days so they settle in and stay.

        ## Pay and schedule
        $18 an hour plus commission on every membership and add-on, with monthly bonuses for
          hitting the club goal; consultants at target earn $52,000 to $60,000 a year. Shifts
          include early mornings, some evenings and one weekend day, and you get a free
          membership for you and a family member.
        """),
    "requirements": unwrap("""
        ## What you'll need
        - 1+ year in a sales role with targets, such as retail, hospitality, telecom or a
          previous club; we care more about how you work with people than about the product.
        - Confidence starting conversations with strangers and asking for the sale.
        - Organised follow-up habits; you do what you said you would, when you said it.
        - Comfort with a CRM or point-of-sale system, and with taking payments.
        - Availability for early-morning, evening and weekend shifts.

        ## Nice to have
        - Experience selling memberships, subscriptions or service plans.
        - A personal interest in fitness, sport or wellbeing.
        - Bilingual English and Spanish.
        - CPR and AED certification (we can provide it).
        """),
}

FRONTLINE_JOBS = [REGISTERED_NURSE, CUSTOMER_SUPPORT, WAREHOUSE_LEAD, MEMBERSHIP_SALES]
