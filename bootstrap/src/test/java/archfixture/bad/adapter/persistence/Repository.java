package archfixture.bad.adapter.persistence;

/** An adapter class, fine in itself. */
public class Repository {}
