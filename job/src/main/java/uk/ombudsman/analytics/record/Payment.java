package uk.ombudsman.analytics.record;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** One payment a decision asks the body to make, with the sentence it was read from. A Spark bean. */
public class Payment implements Serializable {
    private static final long serialVersionUID = 1L;

    private BigDecimal amountGbp;
    private PaymentPurpose purpose;
    private String evidence;

    public Payment() {
    }

    public Payment(BigDecimal amountGbp, PaymentPurpose purpose, String evidence) {
        this.amountGbp = amountGbp;
        this.purpose = purpose;
        this.evidence = evidence;
    }

    public BigDecimal getAmountGbp() {
        return amountGbp;
    }

    public void setAmountGbp(BigDecimal amountGbp) {
        this.amountGbp = amountGbp;
    }

    public PaymentPurpose getPurpose() {
        return purpose;
    }

    public void setPurpose(PaymentPurpose purpose) {
        this.purpose = purpose;
    }

    public String getEvidence() {
        return evidence;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payment p && Objects.equals(amountGbp, p.amountGbp) && purpose == p.purpose
                && Objects.equals(evidence, p.evidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amountGbp, purpose, evidence);
    }

    @Override
    public String toString() {
        return "Payment[" + amountGbp + " " + purpose + "]";
    }
}
