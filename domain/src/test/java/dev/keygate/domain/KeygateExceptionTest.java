package dev.keygate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.key.IllegalKeyTransitionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeygateExceptionTest {

  @Test
  void eachFailure_tellsItsOwnKind_andSubclassesKeepTheirParents() {
    assertThat(new ValidationException("bad").kind()).isEqualTo(KeygateException.Kind.INVALID);
    assertThat(new NotFoundException("gone").kind()).isEqualTo(KeygateException.Kind.NOT_FOUND);
    assertThat(new ConflictException("taken").kind()).isEqualTo(KeygateException.Kind.CONFLICT);
    assertThat(new IllegalKeyTransitionException("revoked").kind())
        .isEqualTo(KeygateException.Kind.CONFLICT);
    assertThat(new ForbiddenException("no").kind()).isEqualTo(KeygateException.Kind.FORBIDDEN);
    assertThat(new LimitReachedException("busy", Duration.ZERO).kind())
        .isEqualTo(KeygateException.Kind.LIMIT_REACHED);
  }

  @Test
  void thereIsOneKindForEachPermittedClass() {
    List<Class<?>> permitted = List.of(KeygateException.class.getPermittedSubclasses());

    assertThat(permitted).hasSameSizeAs(KeygateException.Kind.values());
  }
}
