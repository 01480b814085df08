package uk.ombudsman.analytics.record;

import java.io.Serializable;
import java.util.Objects;

/** The sentence an extracted value was read from, so that anyone can check it against the text. A Spark bean. */
public class Evidence implements Serializable {
    private static final long serialVersionUID = 1L;

    private EvidenceField field;
    private String value;
    private String sentence;

    public Evidence() {
    }

    public Evidence(EvidenceField field, String value, String sentence) {
        this.field = field;
        this.value = value;
        this.sentence = sentence;
    }

    public EvidenceField getField() {
        return field;
    }

    public void setField(EvidenceField field) {
        this.field = field;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getSentence() {
        return sentence;
    }

    public void setSentence(String sentence) {
        this.sentence = sentence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence e && field == e.field && Objects.equals(value, e.value)
                && Objects.equals(sentence, e.sentence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, value, sentence);
    }

    @Override
    public String toString() {
        return "Evidence[" + field + "=" + value + "]";
    }
}
