package archfixture.good.adapter.rest;

import archfixture.good.wire.ValueView;

/** An adapter that answers with the wire model, which is no adapter. */
public class Answers {
  ValueView view;
}
