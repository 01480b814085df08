package uk.ombudsman.analytics.parsing;

/**
 * One paragraph of a decision: its text with any list marker ({@code - }, {@code 12. }, {@code •}) removed, and
 * the section it stands in.
 */
record Line(String text, boolean item, Section section) {
}
