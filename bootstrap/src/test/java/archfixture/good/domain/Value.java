package archfixture.good.domain;

/** A domain value on the JDK only. */
public record Value(String text) {}
