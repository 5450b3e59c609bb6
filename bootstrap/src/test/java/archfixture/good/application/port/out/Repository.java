package archfixture.good.application.port.out;

/** What the core needs from the world: an outgoing port. */
public interface Repository {}
