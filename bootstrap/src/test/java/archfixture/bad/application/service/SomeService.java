package archfixture.bad.application.service;

/** A service, fine in itself. */
public class SomeService {}
