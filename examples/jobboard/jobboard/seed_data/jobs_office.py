"""Office jobs: software engineer, data analyst, marketing manager."""

from __future__ import annotations

from typing import Any

from . import unwrap

SOFTWARE_ENGINEER: dict[str, Any] = {
    "company": "harborlight",
    "title": "Backend Software Engineer (Python)",
    "location": "Portland, OR",
    "remote": "hybrid",
    "seniority": "Mid-level",
    "employment_type": "Full-time",
    "salary_range": "$128,000 – $155,000 + equity",
    "days_ago": 3,
    "description": unwrap("""
        Harborlight builds dispatch and dock-scheduling software for regional freight carriers.
          About 140 carriers use it to plan some 60,000 pickups a day, and every minute a truck
          waits at a loading dock costs a driver, a shipper and a carrier real money. We are 38
          people, 14 of them engineers, with an office near the Pearl District where the team
          meets on Tuesdays and Thursdays.

        You will join the Scheduling team: five engineers, a product manager and a designer.
          The team owns the service that turns orders, driver hours and dock capacity into a
          day's plan, and the API that our web app and our customers' systems call. It is
          Python and PostgreSQL, with a Flask API and Celery workers on Redis. Another team
          owns the React front end; you will work closely with them.

        ## What you'll do
        - Design, build and ship features in the scheduling API, from the database schema to
          the endpoint, with tests and a short note in the changelog.
        - Make the planner faster: a large carrier's plan takes about 40 seconds to build
          today, and we want it under 10 without losing quality.
        - Review pull requests, write brief design documents for larger changes, and pair
          with teammates when a problem is easier to solve together.
        - Join the on-call rotation (one week in six, with a paid day off afterwards) and help
          make incidents rarer and calmer.
        - Sit in on customer calls now and then; our support team brings in an engineer when
          a problem is subtle, and those calls shape our roadmap.

        ## How we work
        We write things down, keep meetings short and protect two meeting-free afternoons a
          week. New engineers ship a small change in their first week and own a feature by
          the end of their second month.

        ## Pay and benefits
        The salary range is $128,000 to $155,000, plus equity. Health, dental and vision
          cover you and your family; we match 401(k) contributions up to 4% and give everyone
          $1,500 a year to spend on learning.
        """),
    "requirements": unwrap("""
        ## What you'll need
        - 3+ years building and running backend services in production, ideally in Python.
        - Solid SQL and relational data modelling: you have read a query plan and fixed a slow
          query.
        - Experience with a web framework such as Flask, Django or FastAPI, and with background
          jobs or message queues.
        - A habit of writing automated tests and reviewing other people's code carefully and
          kindly.
        - Clear written English: much of our collaboration happens in design docs and pull
          requests.

        ## Nice to have
        - Celery, Redis or another task queue under real load.
        - Optimisation or scheduling problems: constraint solvers, heuristics, or simply a lot
          of patience with edge cases.
        - Logistics, transportation or any domain with messy real-world data.
        - Observability tooling such as OpenTelemetry, Prometheus or Grafana.
        """),
}

DATA_ANALYST: dict[str, Any] = {
    "company": "harborlight",
    "title": "Data Analyst, Customer Insights",
    "location": "United States",
    "remote": "remote",
    "seniority": "Associate",
    "employment_type": "Full-time",
    "salary_range": "$82,000 – $98,000",
    "days_ago": 6,
    "description": unwrap("""
        Our customers decide how to run their fleets with Harborlight open on one screen. We
          want to know which features save them time, which ones confuse them, and which
          carriers are about to leave us before they tell us. That is this job.

        As the first analyst on the Customer Insights team, you will work with our head of
          customer success, two product managers and the support lead. You will own the
          reporting that the company looks at every Monday, and you will answer the questions
          that do not fit in a dashboard. Our data lives in PostgreSQL replicas and a small
          warehouse in BigQuery, loaded nightly; we use Metabase for dashboards and Python
          notebooks for everything else.

        ## What you'll do
        - Build and maintain the weekly customer health report: usage, support tickets, on-time
          pickups and renewal risk for each of our 140 carriers.
        - Dig into questions such as "did the new dock calendar reduce wait times?" and turn the
          answer into a one-page write-up with a clear recommendation.
        - Work with engineers to define the events we track, so that new features come with
          the data needed to judge them.
        - Clean up the metric definitions we already have; today "active user" means three
          different things in three places.
        - Run the quarterly customer survey with the customer success team and summarise what
          carriers tell us.

        ## Why this role
        You will see your work change what we build: last year a single analysis of missed
          pickups led to the feature that is now our most used. You will have a real say in
          the tools we pick as the data team grows.
        """),
    "requirements": unwrap("""
        ## What you'll need
        - 2+ years in a data analyst, business analyst or similar role.
        - Strong SQL: joins, window functions and CTEs are part of your everyday work.
        - Experience with a BI tool such as Metabase, Looker, Tableau or Power BI.
        - Comfort with spreadsheets for quick models and with explaining numbers to people who
          do not work with data.
        - Good judgement about what matters: you know when a rough answer today beats a
          perfect one next month.

        ## Nice to have
        - Python or R for analysis (pandas, notebooks).
        - Experience with A/B tests or before-and-after comparisons, and their pitfalls.
        - Knowledge of B2B software metrics: churn, net revenue retention, product adoption.
        - Any background in logistics, operations or supply chain.
        """),
}

MARKETING_MANAGER: dict[str, Any] = {
    "company": "fernhill",
    "title": "Marketing Manager, Lifecycle & Email",
    "location": "Columbus, OH",
    "remote": "hybrid",
    "seniority": "Manager",
    "employment_type": "Full-time",
    "salary_range": "$95,000 – $115,000",
    "days_ago": 9,
    "description": unwrap("""
        Fernhill sells kitchenware, linens and lighting that people keep for years. Most of our
          revenue comes from customers who buy a second and third time, and most of those
          repeat orders start with an email. We send about 2.5 million emails a month to
          410,000 subscribers, and we think we can send fewer, better ones.

        As Marketing Manager for lifecycle and email, you will own everything we send after
          someone subscribes or buys: welcome series, post-purchase care guides, replenishment
          reminders, seasonal campaigns and win-back flows. You will report to our VP of
          Marketing and work with a designer, a copywriter and a part-time developer, plus our
          merchandising team, who decide what we feature each week.

        ## What you'll do
        - Plan and run the email and SMS calendar, balancing campaigns with automated flows.
        - Rebuild our welcome and post-purchase flows, test them properly, and report on what
          they add in repeat revenue.
        - Segment our audience by what people bought and how they shop, not only by how
          recently they opened an email.
        - Keep our sending healthy: list hygiene, deliverability, unsubscribe rates and
          compliance with CAN-SPAM and similar rules.
        - Present results each month to the leadership team in plain language, with what we
          will do next.

        ## Where you'll work
        Our office sits above the showroom in the Short North. The marketing team works there
          on Mondays and Wednesdays and from home the rest of the week.
        """),
    "requirements": unwrap("""
        ## What you'll need
        - 5+ years in email, CRM or lifecycle marketing, including at least 2 years owning a
          program's results.
        - Hands-on experience with an email platform such as Klaviyo, Braze, Iterable or
          Salesforce Marketing Cloud.
        - A track record of A/B testing subject lines, content and timing, and of acting on what
          the tests show.
        - Strong writing and editing skills; you can turn a merchandising brief into a clear
          campaign.
        - Comfort with data: you can build a report, read a cohort chart and spot a tracking
          problem.

        ## Nice to have
        - E-commerce or retail experience, especially in home goods.
        - SMS marketing and the consent rules that go with it.
        - Basic HTML and CSS for email.
        - Experience managing or mentoring a junior marketer.
        """),
}

OFFICE_JOBS = [SOFTWARE_ENGINEER, DATA_ANALYST, MARKETING_MANAGER]
