package dev.keygate.domain.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserAccountTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final UserId ID = new UserId("kp_alice");

  private static UserAccount withEmail(String email) {
    return new UserAccount(ID, "Alice", Optional.of(email), NOW);
  }

  @Test
  void givenNameAndEmail_newUser_keepsThemTrimmed() {
    UserAccount user =
        new UserAccount(ID, " Alice Smith ", Optional.of("  alice@example.com "), NOW);

    assertThat(user.id()).isEqualTo(ID);
    assertThat(user.name()).isEqualTo("Alice Smith");
    assertThat(user.email()).contains("alice@example.com");
    assertThat(user.createdOn()).isEqualTo(NOW);
  }

  @Test
  void givenNoEmail_newUser_isAccepted() {
    assertThat(new UserAccount(ID, "Alice", Optional.empty(), NOW).email()).isEmpty();
  }

  @Test
  void givenUser_asOwner_isTheUserOwnerWithItsId() {
    Owner owner = new UserAccount(ID, "Alice", Optional.empty(), NOW).asOwner();

    assertThat(owner).isEqualTo(new Owner.User(ID));
    assertThat(owner.type()).isEqualTo(OwnerType.USER);
    assertThat(owner.id()).isEqualTo("kp_alice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b", "alice.smith+keys@mail.example.co.uk", "x@localhost"})
  void givenPlausibleEmail_newUser_isAccepted(String email) {
    assertThat(withEmail(email).email()).contains(email);
  }

  @Test
  void givenTwoCharacterEmail_newUser_isRefused() {
    assertThatThrownBy(() -> withEmail("a@"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user email must be 3-254 characters, was 2");
  }

  @Test
  void givenBlankEmail_newUser_isRefusedAsEmpty() {
    assertThatThrownBy(() -> withEmail("   "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user email must be 3-254 characters, was 0");
  }

  @Test
  void givenEmailOf254Characters_newUser_isAccepted() {
    String email = "a".repeat(64) + "@" + "d".repeat(189);

    assertThat(withEmail(email).email()).contains(email);
  }

  @Test
  void givenEmailOf255Characters_newUser_isRefused() {
    String email = "a".repeat(64) + "@" + "d".repeat(190);

    assertThatThrownBy(() -> withEmail(email))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user email must be 3-254 characters, was 255");
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice", "alice.example.com", "@example.com", "alice@", "a@b@c"})
  void givenEmailNotShapedNameAtDomain_newUser_isRefused(String email) {
    assertThatThrownBy(() -> withEmail(email))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user email must look like name@domain");
  }

  @ParameterizedTest
  @ValueSource(strings = {"al ice@x.y", "a@x y", "a\u0007b@c.d", "a@c\u2003d"})
  void givenEmailWithWhitespaceOrControls_newUser_isRefused(String email) {
    assertThatThrownBy(
            () ->
                new UserAccount(new UserId("kp_alice"), "Alice", Optional.of(email), Instant.EPOCH))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user email must not contain whitespace or control characters");
  }

  @Test
  void givenMissingEmailOptional_newUser_isRefused() {
    assertThatThrownBy(() -> new UserAccount(ID, "Alice", null, NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user email is required");
  }

  @Test
  void givenEmptyName_newUser_isRefused() {
    assertThatThrownBy(() -> new UserAccount(ID, " ", Optional.empty(), NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user name must be 1-128 characters, was 0");
  }

  @Test
  void givenNameOf129Characters_newUser_isRefused() {
    assertThatThrownBy(() -> new UserAccount(ID, "u".repeat(129), Optional.empty(), NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user name must be 1-128 characters, was 129");
  }

  @Test
  void givenNameWithControlCharacter_newUser_isRefused() {
    assertThatThrownBy(() -> new UserAccount(ID, "Ali\u0008ce", Optional.empty(), NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user name must not contain control characters");
  }

  @Test
  void givenMissingId_newUser_isRefused() {
    assertThatThrownBy(() -> new UserAccount(null, "Alice", Optional.empty(), NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user id is required");
  }

  @Test
  void givenMissingCreationTime_newUser_isRefused() {
    assertThatThrownBy(() -> new UserAccount(ID, "Alice", Optional.empty(), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user creation time is required");
  }
}
