package uk.ombudsman.analytics.record;

import java.io.Serializable;
import java.util.Objects;

/** One change the body agreed or is asked to make for everyone, with the words that state it. A Spark bean. */
public class ServiceImprovement implements Serializable {
    private static final long serialVersionUID = 1L;

    private ImprovementKind kind;
    private String text;

    public ServiceImprovement() {
    }

    public ServiceImprovement(ImprovementKind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    public ImprovementKind getKind() {
        return kind;
    }

    public void setKind(ImprovementKind kind) {
        this.kind = kind;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceImprovement s && kind == s.kind && Objects.equals(text, s.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text);
    }

    @Override
    public String toString() {
        return "ServiceImprovement[" + kind + " " + text + "]";
    }
}
