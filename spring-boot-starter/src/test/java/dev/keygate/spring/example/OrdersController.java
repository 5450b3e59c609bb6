package dev.keygate.spring.example;

import dev.keygate.adapter.servlet.VerifiedKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The README's Spring Boot example, verbatim between the markers; KeygateStarterTest runs it. */
// README:start
@RestController
class OrdersController {

  @GetMapping("/api/orders")
  String orders(VerifiedKey key) {
    return "orders of " + key.owner().id() + " for " + key.id();
  }
}
// README:end
