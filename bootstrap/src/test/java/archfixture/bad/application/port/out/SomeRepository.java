package archfixture.bad.application.port.out;

/** An outgoing port, fine in itself. */
public interface SomeRepository {}
