package archfixture.bad.wire;

import io.javalin.http.HttpStatus;

/** Bad: the wire model is what both adapters say, so it knows no transport. */
public class SpeaksHttp {
  HttpStatus status;
}
