package uk.ombudsman.analytics.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import uk.ombudsman.analytics.record.DatePrecision;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.record.Remedy;

/**
 * Writes a generated decision as the site publishes it, in one of its layouts. The wording follows real
 * decisions: the summary, the complaint, the Ombudsman's role, the legal background, what happened, the
 * analysis, the agreed action and the final decision, padded with case narrative to a realistic length.
 */
final class DecisionWriter {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_PADDED = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.UK);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private static final String[] ROLE = {
        "We investigate complaints about 'maladministration' and 'service failure'. In this statement, I have used "
                + "the word fault to refer to these. We must also consider whether any fault has had an adverse "
                + "impact on the person making the complaint. I refer to this as 'injustice'. If there has been "
                + "fault which has caused an injustice, we may suggest a remedy. (Local Government Act 1974, "
                + "sections 26(1) and 26A(1), as amended)",
        "If we are satisfied with a council's actions or proposed actions, we can complete our investigation and "
                + "issue a decision statement. (Local Government Act 1974, section 30(1B) and 34H(i), as amended)",
        "We cannot question whether a council's decision is right or wrong simply because the complainant "
                + "disagrees with it. We must consider whether there was fault in the way the decision was reached. "
                + "(Local Government Act 1974, section 34(3), as amended)",
        "When considering complaints we make findings based on the balance of probabilities. This means that we "
                + "look at the available relevant evidence and decide what was more likely to have happened.",
    };
    private static final String[] LAW = {
        "The law says councils must carry out their duties in line with the statutory guidance unless they have a "
                + "good reason not to. The guidance sets out timescales for each stage of the process and says "
                + "councils should keep the family informed throughout.",
        "Councils should keep clear records of their decisions and the reasons for them. Good records help a "
                + "council show it has acted properly and help the person affected understand what happened.",
        "The Council's own policy says officers will acknowledge contact within five working days and respond in "
                + "full within twenty working days, explaining any reasons if that is not possible.",
        "Statutory guidance says councils should consider the views of the person affected and of their family, "
                + "and should explain in writing what they have decided and why.",
    };
    private static final String[] OFFICERS = {"social worker", "case officer", "team manager", "housing officer",
        "caseworker", "senior officer"};
    private static final String[] TOPICS = {"the assessment", "the care plan", "the application",
        "the review", "the visit arrangements", "the support offered", "the placement", "the evidence provided",
        "the payment schedule", "the outcome of the review"};
    private static final String[] DOCUMENTS = {"assessment", "care plan", "decision letter", "case notes",
        "meeting minutes", "support plan"};

    private DecisionWriter() {
    }

    /** The text of the page (HTML for the HTML layout). */
    static String write(GeneratedDecision d, SplittableRandom r) {
        Doc doc = new Doc();
        doc.heading(d.printedCouncil() + " (" + d.caseRef() + ")");
        if (d.printedHeader()) {
            doc.header("Category : " + printedCategory(d, r) + " > " + d.subcategory());
            doc.header("Decision : " + d.outcomeRaw());
            doc.header("Decision date : " + printedDate(d.decisionDate(), r));
        }
        doc.header("The Ombudsman's final decision:");
        doc.header("Summary: " + summary(d, r));

        String p = d.person();
        String issue = issue(d);
        doc.section("The complaint");
        doc.para(p + " complains the Council " + issue + ".");
        doc.para(p + " says this caused " + pronoun(d) + " frustration and uncertainty.");

        doc.section("The Ombudsman's role and powers");
        int roles = 2 + r.nextInt(2);
        for (int i = 0; i < roles; i++) {
            doc.para(ROLE[i]);
        }
        if (d.outcome() == Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES) {
            doc.section("How I considered this complaint");
            doc.para("I considered the information provided by " + p + " and the Council.");
            doc.section("My assessment");
            doc.para("The Council has explained its position to " + p + " and there is not enough evidence of fault "
                    + "to justify an investigation.");
            doc.section("Final decision");
            doc.para("We will not investigate " + p + "'s complaint because there is not enough evidence of fault by "
                    + "the Council.");
            return doc.render(d.layout());
        }

        doc.section("How I considered this complaint");
        doc.para("I considered the complaint and the documents provided by " + p + ". I made enquiries of the "
                + "Council and considered the comments and documents it provided.");
        doc.para(p + " and the Council had an opportunity to comment on my draft decision. I considered any "
                + "comments received before making a final decision.");

        doc.section("What I found");
        doc.subheading("Legal and administrative background");
        for (String law : LAW) {
            doc.para(law);
        }
        doc.subheading("What happened");
        LocalDate decided = d.decisionDate();
        LocalDate first = d.complaintDate() != null ? d.complaintDate() : decided.minusDays(400);
        List<String> narrative = new ArrayList<>();
        while (narrative.stream().mapToInt(String::length).sum() + doc.length() < d.targetChars()) {
            narrative.add(narrativeSentence(p, first.minusDays(60 + r.nextInt(500)), r) + " "
                    + narrativeSentence(p, first.plusDays(1 + r.nextInt(60)), r));
        }
        int complaintAt = narrative.size() / 2;
        for (int i = 0; i < narrative.size(); i++) {
            if (i == complaintAt && d.complaintDate() != null) {
                if (r.nextInt(4) == 0) {
                    // Someone else's earlier complaint: not the complainant's own.
                    doc.para("A neighbour complained to the Council about the same matter in "
                            + MONTH.format(d.complaintDate().minusMonths(2 + r.nextInt(10))) + ".");
                }
                doc.para(complaintSentence(d));
                if (r.nextInt(4) == 0) {
                    doc.para(p + " complained again in " + MONTH.format(d.complaintDate().plusMonths(1 + r.nextInt(2)))
                            + " when nothing had changed.");
                }
                doc.para(p + " complained to us in " + MONTH.format(d.complaintDate().plusMonths(3 + r.nextInt(4)))
                        + " because " + pronoun(d) + " was unhappy with the Council's response.");
            }
            doc.para(narrative.get(i));
        }
        if (d.outcome() == Outcome.OTHER) {
            doc.section("Final decision");
            doc.para(p + " asked us to stop considering the complaint, so I have ended my enquiries.");
            return doc.render(d.layout());
        }
        doc.subheading("Analysis");
        if (d.outcome() == Outcome.UPHELD) {
            doc.para(d.delayFault()
                    ? "The Council took " + (6 + r.nextInt(20)) + " weeks longer than the guidance allows to "
                            + "complete " + TOPICS[r.nextInt(TOPICS.length)] + ". The delay was fault."
                    : "The Council did not follow its own procedure when it considered " + TOPICS[r.nextInt(
                            TOPICS.length)] + ". That was fault.");
            doc.para("This caused " + p + " avoidable distress and uncertainty about whether the outcome would "
                    + "have been different.");
            doc.para("Our guidance on remedies says a symbolic payment for distress is usually between £100 and "
                    + "£300, although it can be more where the impact was severe.");
            agreedAction(doc, d, r);
            doc.section("Final decision");
            doc.para("I have found fault by the Council causing injustice. The Council has agreed to my "
                    + "recommendations, so I have completed my investigation.");
        } else {
            doc.para("The Council considered the relevant information and explained its decision to " + p + ". I "
                    + "have not found fault in how it reached its decision.");
            doc.section("Final decision");
            doc.para("I have completed my investigation. There was no fault by the Council.");
        }
        doc.trailer("Investigator's decision on behalf of the Ombudsman");
        return doc.render(d.layout());
    }

    private static void agreedAction(Doc doc, GeneratedDecision d, SplittableRandom r) {
        doc.section("Agreed action");
        String p = d.person();
        doc.para("To remedy the injustice caused, " + d.deadlineWords() + " the Council has agreed to:");
        for (Remedy remedy : d.remedies()) {
            switch (remedy) {
                case APOLOGY -> doc.item("apologise to " + p + ";");
                case PAYMENT -> {
                    if (d.payments().size() == 1) {
                        var pay = d.payments().get(0);
                        doc.item("pay " + p + " £" + money(pay.amount()) + " " + pay.words() + ";");
                    } else {
                        doc.item("make " + p + " a payment of:");
                        for (var pay : d.payments()) {
                            doc.subItem("£" + money(pay.amount()) + " " + pay.words() + ";");
                        }
                    }
                }
                case ACTION_FOR_COMPLAINANT -> doc.item("reassess " + p + "'s needs and write to "
                        + objectPronoun(d) + " with the outcome;");
                case SERVICE_IMPROVEMENT -> doc.item(r.nextBoolean()
                        ? "remind staff in the relevant team of the statutory timescales and review its procedures "
                                + "so this does not happen again."
                        : "remind staff to respond to complaints within 10 working days.");
                default -> {
                }
            }
        }
        String other = notAPayment(d, r);
        if (other != null) {
            doc.para(other);
        }
        doc.para("The Council should provide us with evidence it has complied with the above actions.");
    }

    static String money(java.math.BigDecimal amount) {
        java.math.BigDecimal whole = amount.stripTrailingZeros();
        String digits = whole.scale() <= 0 ? whole.toBigInteger().toString() : amount.setScale(2).toPlainString();
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        String grouped = integer.length() > 3 && integer.hashCode() % 2 == 0
                ? integer.substring(0, integer.length() - 3) + "," + integer.substring(integer.length() - 3) : integer;
        return dot < 0 ? grouped : grouped + digits.substring(dot);
    }

    /**
     * The summary, in one of the ways real summaries put it (the forms of the gold set's pages: an explicit "we have
     * upheld", "the Ombudsman upholds", a restated complaint of delay beside a different fault, "we have not found
     * fault", an ended investigation, a late complaint), so the corpus tests more than the wording the parser was
     * first written for.
     */
    private static String summary(GeneratedDecision d, SplittableRandom r) {
        String p = d.person();
        String issue = issue(d);
        String topic = TOPICS[Math.abs(d.caseRef().hashCode()) % TOPICS.length];
        int form = r.nextInt(4);
        return switch (d.outcome()) {
            case UPHELD -> switch (form) {
                case 0 -> d.delayFault()
                        ? "We have upheld " + p + "'s complaint because the Council delayed dealing with " + topic
                                + ". The Council has agreed to apologise and to remedy the injustice."
                        : "We have upheld " + p + "'s complaint because the Council did not follow its procedure when "
                                + "it considered " + topic + ". The Council has agreed to our recommendations.";
                case 1 -> p + " complained that the Council " + (d.delayFault() ? "delayed dealing with " + topic
                        : issue) + ". The Ombudsman upholds the complaint. The Council has agreed to our "
                        + "recommendations.";
                case 2 -> d.delayFault()
                        ? p + " complained that the Council delayed dealing with " + topic + ". We found fault by the "
                                + "Council, which caused " + p + " distress. The Council has agreed to our "
                                + "recommendations."
                        : p + " complained that the Council delayed replying to " + possessive(d) + " letters and "
                                + issue + ". We found fault in how the Council considered " + topic + ". The Council "
                                + "has agreed to our recommendations.";
                default -> p + " complained that the Council " + (d.delayFault() ? "delayed dealing with " + topic
                        : issue) + ". We found fault by the Council, which caused " + p + " avoidable distress. The "
                        + "Council has agreed to our recommendations.";
            };
            case NOT_UPHELD -> p + " complained that the Council " + issue + ". " + switch (form) {
                case 0 -> "We have not found fault by the Council in its handling of " + possessive(d) + " case.";
                case 1 -> "We ended our investigation as it was unlikely to result in a finding of fault.";
                default -> "There was no fault in how the Council acted.";
            };
            case CLOSED_AFTER_INITIAL_ENQUIRIES -> form == 0
                    ? "The Ombudsman will not investigate this complaint about " + topic + " because it is late and "
                            + "there are no good reasons to look at it now."
                    : "We will not investigate " + p + "'s complaint that the Council " + issue + ". There is not "
                            + "enough evidence of fault to justify our involvement.";
            case OTHER -> p + " complained that the Council " + issue + ". " + p + " has since asked us to stop.";
        };
    }

    /**
     * A sum in the remedy part that is not a payment, in one of the forms real decisions use: an earlier offer, a
     * debt the complainant still owes, a waived fee, a weekly rate, a sum the council had already paid. Null for
     * most decisions.
     */
    private static String notAPayment(GeneratedDecision d, SplittableRandom r) {
        String p = d.person();
        String sum = "£" + money(java.math.BigDecimal.valueOf(50L * (2 + r.nextInt(60))));
        return switch (r.nextInt(10)) {
            case 0 -> "Before the complaint came to us the Council had offered " + p + " " + sum + ", which was not "
                    + "enough to remedy the injustice.";
            case 1 -> p + " still owes the Council " + sum + " in care charges, which this decision does not change.";
            case 2 -> "The Council will also waive the " + sum + " fee it charged for the missed visits.";
            case 3 -> "The care package costs " + sum + " a week, which the Council assessed correctly.";
            case 4 -> "The Council had already paid " + p + " " + sum + " towards " + possessive(d) + " costs before "
                    + pronoun(d) + " came to us.";
            default -> null;
        };
    }

    private static String issue(GeneratedDecision d) {
        return "did not deal properly with " + (d.person().startsWith("Mr ") ? "his" : "her") + " "
                + d.subcategory().toLowerCase(Locale.ROOT) + " case";
    }

    private static String complaintSentence(GeneratedDecision d) {
        String p = d.person();
        return d.complaintPrecision() == DatePrecision.DAY
                ? "On " + LONG.format(d.complaintDate()) + " " + p + " complained to the Council about how it had "
                        + "handled the matter."
                : "In " + MONTH.format(d.complaintDate()) + ", " + p + " made a formal complaint to the Council.";
    }

    private static String narrativeSentence(String p, LocalDate when, SplittableRandom r) {
        String officer = OFFICERS[r.nextInt(OFFICERS.length)];
        String topic = TOPICS[r.nextInt(TOPICS.length)];
        return switch (r.nextInt(5)) {
            case 0 -> "On " + LONG.format(when) + " the Council wrote to " + p + " about " + topic + ".";
            case 1 -> p + " met the " + officer + " in " + MONTH.format(when) + " to discuss " + topic + ".";
            case 2 -> "The " + officer + " visited the family on " + LONG.format(when) + " and recorded the visit "
                    + "in the case notes.";
            case 3 -> "The Council's records show it looked again at " + topic + " in " + MONTH.format(when)
                    + " and wrote to " + p + " with its view.";
            default -> "The " + officer + " sent " + p + " a copy of the " + DOCUMENTS[r.nextInt(DOCUMENTS.length)]
                    + " and explained the next steps.";
        };
    }

    private static String printedCategory(GeneratedDecision d, SplittableRandom r) {
        String c = d.category();
        return switch (r.nextInt(10)) {
            case 0 -> c.replace(" and ", " & ");
            case 1 -> c.replace("'", "\u2019");
            default -> c;
        };
    }

    private static String printedDate(LocalDate date, SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> LONG.format(date);
            case 1 -> SHORT_PADDED.format(date);
            default -> SHORT.format(date);
        };
    }

    private static String possessive(GeneratedDecision d) {
        return d.person().startsWith("Mr ") ? "his" : "her";
    }

    static String pronoun(GeneratedDecision d) {
        return d.person().startsWith("Mr ") ? "he" : "she";
    }

    private static String objectPronoun(GeneratedDecision d) {
        return d.person().startsWith("Mr ") ? "him" : "her";
    }

    /** The page being built: blocks of text with their role, rendered per layout at the end. */
    private static final class Doc {
        private enum Kind { HEADING, HEADER, SECTION, SUBHEADING, PARA, ITEM, SUB_ITEM, TRAILER }

        private record Block(Kind kind, String text) {
        }

        private final List<Block> blocks = new ArrayList<>();
        private int length;

        void heading(String t) {
            add(Kind.HEADING, t);
        }

        void header(String t) {
            add(Kind.HEADER, t);
        }

        void section(String t) {
            add(Kind.SECTION, t);
        }

        void subheading(String t) {
            add(Kind.SUBHEADING, t);
        }

        void para(String t) {
            add(Kind.PARA, t);
        }

        void item(String t) {
            add(Kind.ITEM, t);
        }

        void subItem(String t) {
            add(Kind.SUB_ITEM, t);
        }

        void trailer(String t) {
            add(Kind.TRAILER, t);
        }

        int length() {
            return length;
        }

        private void add(Kind kind, String text) {
            blocks.add(new Block(kind, text));
            length += text.length() + 8;
        }

        String render(GeneratedDecision.Layout layout) {
            return switch (layout) {
                case BULLETS -> bullets();
                case NUMBERED -> numbered();
                case HTML -> html();
            };
        }

        private String bullets() {
            StringBuilder b = new StringBuilder(length + 256);
            for (Block k : blocks) {
                switch (k.kind) {
                    case PARA, ITEM, SUB_ITEM -> b.append("- ").append(k.text).append('\n');
                    default -> b.append(k.text).append('\n');
                }
            }
            return b.toString();
        }

        private String numbered() {
            StringBuilder b = new StringBuilder(length + 1024);
            int n = 0;
            for (Block k : blocks) {
                switch (k.kind) {
                    case HEADING, HEADER -> b.append(k.text).append("\n\n");
                    case SECTION -> {
                        if (n > 0) {
                            b.append("Back to top\n\n");
                        }
                        b.append(k.text).append("\n\n");
                    }
                    case SUBHEADING -> b.append(k.text).append("\n\n");
                    case PARA -> b.append("  ").append(++n).append(". ").append(k.text).append('\n');
                    case ITEM -> b.append("    \u2022 ").append(k.text).append('\n');
                    case SUB_ITEM -> b.append("        \u2022 ").append(k.text).append('\n');
                    case TRAILER -> b.append("\nBack to top\n\n").append(k.text).append("\n\nPrint this page\n\n")
                            .append("LGO logogram\n\nReview your privacy settings\n\nRequired cookies\n\nThese "
                                    + "cookies enable the website to function properly.\n\nPrivacy settings\n");
                }
            }
            return b.toString();
        }

        private String html() {
            StringBuilder b = new StringBuilder(length * 2 + 1024);
            b.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
                    .append(esc(blocks.get(0).text)).append(" - Local Government and Social Care Ombudsman</title>")
                    .append("<script>window.dataLayer=window.dataLayer||[];</script></head><body>\n")
                    .append("<div class=\"cookie-banner\"><p>We use cookies to improve our website.</p>")
                    .append("<button>Accept all cookies</button></div>\n<nav><ul><li><a href=\"/\">Home</a></li>")
                    .append("<li><a href=\"/decisions\">Decisions</a></li></ul></nav>\n<main>\n");
            boolean inList = false;
            boolean inSub = false;
            for (Block k : blocks) {
                if (k.kind != Kind.ITEM && k.kind != Kind.SUB_ITEM && inList) {
                    b.append(inSub ? "</ul></li>" : "").append("</ul>\n");
                    inList = false;
                    inSub = false;
                }
                switch (k.kind) {
                    case HEADING -> b.append("<h1>").append(esc(k.text)).append("</h1>\n");
                    case HEADER, PARA, TRAILER -> b.append("<p>").append(esc(k.text)).append("</p>\n");
                    case SECTION -> b.append("<h2>").append(esc(k.text)).append("</h2>\n");
                    case SUBHEADING -> b.append("<h3>").append(esc(k.text)).append("</h3>\n");
                    case ITEM -> {
                        if (!inList) {
                            b.append("<ul>");
                            inList = true;
                        } else if (inSub) {
                            b.append("</ul></li>");
                            inSub = false;
                        }
                        b.append("<li>").append(esc(k.text)).append(k.text.endsWith(":") ? "" : "</li>").append('\n');
                        if (k.text.endsWith(":")) {
                            b.append("<ul>");
                            inSub = true;
                        }
                    }
                    case SUB_ITEM -> b.append("<li>").append(esc(k.text)).append("</li>\n");
                }
            }
            if (inList) {
                b.append(inSub ? "</ul></li>" : "").append("</ul>\n");
            }
            return b.append("</main>\n<footer><p>Print this page</p></footer></body></html>\n").toString();
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("£", "&pound;")
                    .replace("'", "&#39;");
        }
    }
}
