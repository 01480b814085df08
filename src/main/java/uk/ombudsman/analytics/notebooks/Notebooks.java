package uk.ombudsman.analytics.notebooks;

import java.util.List;
import uk.ombudsman.analytics.notebooks.ChartSpec.Kind;
import uk.ombudsman.analytics.notebooks.Notebook.Chart;
import uk.ombudsman.analytics.notebooks.Notebook.Markdown;
import uk.ombudsman.analytics.notebooks.Notebook.Query;

/** The four analyst notebooks: what they explain and the queries behind every table and chart. */
final class Notebooks {
    private Notebooks() {
    }

    static List<Notebook> all() {
        return List.of(councils(), payments(), delays(), remedies());
    }

    private static Notebook councils() {
        return new Notebook("councils", "Uphold rates by council, against their peers", List.of(
                new Markdown("""
                        The **uphold rate** is upheld / (upheld + not upheld): the Ombudsman's own measure, over \
                        decisions it investigated. Complaints closed after initial enquiries are not in it.

                        Most councils have few investigations a year, so a rate alone misleads. Each rate comes with \
                        its **95% Wilson interval**, and each council is compared with its **peers**: all councils \
                        of the same type (county, district, unitary, metropolitan, London borough), pooled, as the \
                        Ombudsman compares them. `peer_standing` says where the whole interval lies:

                        - `ABOVE_PEERS` / `BELOW_PEERS`: the whole interval is above / below the peers' rate;
                        - `IN_LINE_WITH_PEERS`: the interval includes it, so there is no evidence of a difference;
                        - `TOO_FEW_TO_RANK`: fewer investigations than the minimum (5 by default, \
                        `--min-investigations`).

                        `upheld_per_100k` and `payment_total_per_100k_gbp` need a population in the councils list \
                        (`--councils`); they are empty otherwise."""),
                new Markdown("### The peers' rates, by type of body"),
                new Query("""
                        SELECT body_type, decisions, upheld, not_upheld, uphold_rate,
                               uphold_rate_ci_low, uphold_rate_ci_high
                        FROM by_body_type
                        ORDER BY body_type""", 20),
                new Markdown("### The councils with the most investigations, each against its peers\n\n"
                        + "Bars are 95% intervals; a council marked `*` has too few investigations to rank."),
                new Chart("""
                        SELECT CASE WHEN peer_standing = 'TOO_FEW_TO_RANK' THEN concat(council, ' *')
                                    ELSE council END AS council,
                               uphold_rate, uphold_rate_ci_low, uphold_rate_ci_high, peer_uphold_rate
                        FROM by_council
                        WHERE uphold_rate IS NOT NULL
                        ORDER BY investigations DESC, council
                        LIMIT 25""",
                        new ChartSpec(Kind.INTERVAL, "Uphold rate with 95% interval, and the peers' rate", "council",
                                List.of("uphold_rate", "uphold_rate_ci_low", "uphold_rate_ci_high",
                                        "peer_uphold_rate"), "uphold rate"),
                        "ax = df.plot.barh(x='council', y='uphold_rate', xerr=[df.uphold_rate - df.uphold_rate_ci_low,"
                                + " df.uphold_rate_ci_high - df.uphold_rate]); "
                                + "ax.scatter(df.peer_uphold_rate, range(len(df)), color='red')"),
                new Markdown("### Councils whose whole interval lies above or below their peers"),
                new Query("""
                        SELECT council, body_type, investigations, uphold_rate, uphold_rate_ci_low,
                               uphold_rate_ci_high, peer_uphold_rate, uphold_rate_vs_peers, peer_standing
                        FROM by_council
                        WHERE peer_standing IN ('ABOVE_PEERS', 'BELOW_PEERS')
                        ORDER BY uphold_rate_vs_peers DESC, council""", 40),
                new Markdown("### How many councils can be ranked at all"),
                new Query("""
                        SELECT peer_standing, count(*) AS councils, sum(investigations) AS investigations
                        FROM by_council
                        GROUP BY peer_standing
                        ORDER BY peer_standing""", 10)));
    }

    private static Notebook payments() {
        return new Notebook("payments", "Payments the Ombudsman asks for", List.of(
                new Markdown("""
                        A decision's **payments** are the sums the council or provider agreed to pay, each read \
                        from one sentence of the agreed action (kept as `evidence`, so every figure can be \
                        checked) and given a **purpose**: distress, time and trouble, refund, lost service, and so \
                        on. Figures per category are over decisions with a payment; `payment_total_gbp` adds up \
                        every payment."""),
                new Markdown("### Payments by category"),
                new Query("""
                        SELECT category, decisions, decisions_with_payment, payment_total_gbp,
                               payment_mean_gbp, payment_median_gbp, payment_max_gbp
                        FROM by_category
                        ORDER BY payment_total_gbp DESC, category""", 30),
                new Chart("""
                        SELECT category, payment_total_gbp
                        FROM by_category
                        WHERE payment_total_gbp > 0
                        ORDER BY payment_total_gbp DESC, category""",
                        new ChartSpec(Kind.BARS, "Total payments by category", "category",
                                List.of("payment_total_gbp"), "£"),
                        "df.plot.barh(x='category', y='payment_total_gbp', legend=False)"),
                new Markdown("### Payments by purpose"),
                new Query("""
                        SELECT p.purpose, count(*) AS payments, sum(p.amount_gbp) AS total_gbp,
                               round(avg(p.amount_gbp), 2) AS mean_gbp, max(p.amount_gbp) AS max_gbp
                        FROM decisions LATERAL VIEW explode(payments) t AS p
                        GROUP BY p.purpose
                        ORDER BY total_gbp DESC, p.purpose""", 20),
                new Markdown("### How large payments are"),
                new Chart("""
                        SELECT CASE WHEN p.amount_gbp < 100 THEN '1 under £100'
                                    WHEN p.amount_gbp < 250 THEN '2 £100-249'
                                    WHEN p.amount_gbp < 500 THEN '3 £250-499'
                                    WHEN p.amount_gbp < 1000 THEN '4 £500-999'
                                    WHEN p.amount_gbp < 2500 THEN '5 £1,000-2,499'
                                    ELSE '6 £2,500 and over' END AS amount,
                               count(*) AS payments
                        FROM decisions LATERAL VIEW explode(payments) t AS p
                        GROUP BY 1
                        ORDER BY 1""",
                        new ChartSpec(Kind.COLUMNS, "Payments by size", "amount", List.of("payments"),
                                "payments"),
                        "df.plot.bar(x='amount', y='payments', legend=False)"),
                new Markdown("### The largest payments, with the sentence each was read from"),
                new Query("""
                        SELECT d.case_ref, d.council, d.category, p.amount_gbp, p.purpose, p.evidence
                        FROM decisions d LATERAL VIEW explode(d.payments) t AS p
                        ORDER BY p.amount_gbp DESC, d.case_ref, p.evidence
                        LIMIT 15""", 15)));
    }

    private static Notebook delays() {
        return new Notebook("delays", "How long complainants wait, and how often delay is at fault", List.of(
                new Markdown("""
                        **Complaint to decision** is the days from the complaint the decision names (to the council \
                        or to the Ombudsman, the first one found) to the Ombudsman's decision date; decisions where \
                        no complaint date could be read are left out of the averages. The **delay-fault rate** is the \
                        share of upheld decisions whose fault includes delay by the council."""),
                new Markdown("### By category"),
                new Query("""
                        SELECT category, decisions, complaint_to_decision_days_mean,
                               complaint_to_decision_days_median, delay_fault_rate
                        FROM by_category
                        ORDER BY complaint_to_decision_days_median DESC NULLS LAST, category""", 30),
                new Chart("""
                        SELECT category, complaint_to_decision_days_median
                        FROM by_category
                        WHERE complaint_to_decision_days_median IS NOT NULL
                        ORDER BY complaint_to_decision_days_median DESC, category""",
                        new ChartSpec(Kind.BARS, "Median days from complaint to decision", "category",
                                List.of("complaint_to_decision_days_median"), "days"),
                        "df.plot.barh(x='category', y='complaint_to_decision_days_median', legend=False)"),
                new Markdown("### By year"),
                new Chart("""
                        SELECT decision_year, complaint_to_decision_days_median, complaint_to_decision_days_mean
                        FROM by_year
                        ORDER BY decision_year""",
                        new ChartSpec(Kind.LINES, "Days from complaint to decision, by year", "decision_year",
                                List.of("complaint_to_decision_days_median", "complaint_to_decision_days_mean"),
                                "days"),
                        "df.plot(x='decision_year', y=['complaint_to_decision_days_median', "
                                + "'complaint_to_decision_days_mean'])"),
                new Query("""
                        SELECT decision_year, decisions, complaint_to_decision_days_median, delay_fault_rate,
                               uphold_rate
                        FROM by_year
                        ORDER BY decision_year""", 30),
                new Markdown("### By category and year, with the change on the year before"),
                new Query("""
                        SELECT category, decision_year, decisions, complaint_to_decision_days_median,
                               delay_fault_rate, uphold_rate, uphold_rate_change_on_previous_year
                        FROM by_category_year
                        ORDER BY category, decision_year""", 60)));
    }

    private static Notebook remedies() {
        return new Notebook("remedies", "Remedies by category", List.of(
                new Markdown("""
                        When it finds fault causing injustice the Ombudsman asks for **remedies**: an `APOLOGY`, a \
                        `PAYMENT`, an `ACTION_FOR_COMPLAINANT` (a reassessment, a corrected record), a \
                        `SERVICE_IMPROVEMENT` (training, a changed procedure, for everyone's benefit), or `OTHER`. \
                        A decision can ask for several; each counts once per kind."""),
                new Markdown("### Remedies asked for, by category"),
                new Chart("""
                        SELECT category, remedy, decisions
                        FROM remedies
                        ORDER BY category, remedy""",
                        new ChartSpec(Kind.STACKED, "Decisions asking for each remedy, by category", "category",
                                List.of("remedy", "decisions"), "decisions"),
                        "df.pivot(index='category', columns='remedy', values='decisions').plot.barh(stacked=True)"),
                new Query("""
                        SELECT category, remedy, decisions
                        FROM remedies
                        ORDER BY category, remedy""", 80),
                new Markdown("### All categories together"),
                new Query("""
                        SELECT remedy, sum(decisions) AS decisions
                        FROM remedies
                        GROUP BY remedy
                        ORDER BY decisions DESC, remedy""", 10)));
    }
}
