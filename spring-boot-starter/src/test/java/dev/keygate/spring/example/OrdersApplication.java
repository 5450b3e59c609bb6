package dev.keygate.spring.example;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A host application with one unprotected route; its protected one is {@link OrdersController}. */
@SpringBootApplication
@RestController
public class OrdersApplication {

  @GetMapping("/status")
  String status() {
    return "up";
  }
}
