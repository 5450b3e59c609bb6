package dev.keygate.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void columnsAreAsWideAsTheirWidestCell_twoSpacesApart_withoutTrailingBlanks() {
    String printed =
        print(
            Table.of("ID", "NAME", "STATUS")
                    .row("api_key_1", "Production Integration", "active")
                    .row("api_key_22", "ci", "revoked")
                ::print);

    assertThat(printed)
        .isEqualTo(
            "ID          NAME                    STATUS\n"
                + "api_key_1   Production Integration  active\n"
                + "api_key_22  ci                      revoked\n");
  }

  @Test
  void fields_alignTheirValues() {
    String printed =
        print(new Fields().add("Id", "api_key_1").add("Last verified", "never")::print);

    assertThat(printed).isEqualTo("Id:             api_key_1\nLast verified:  never\n");
  }

  @Test
  void timestampsReadAsIsoUtcToTheSecond() {
    assertThat(Text.time(Instant.parse("2025-06-01T09:30:00.123456Z")))
        .isEqualTo("2025-06-01T09:30:00Z");
  }

  @Test
  void longListsOfScopes_showOnlyHowMany() {
    assertThat(Text.shortList(List.of("write:users", "read:users"), "scopes"))
        .isEqualTo("read:users, write:users");
    assertThat(Text.shortList(List.of(), "scopes")).isEqualTo("-");
    assertThat(
            Text.shortList(
                List.of("read:api_keys", "create:api_keys", "update:api_keys", "delete:api_keys"),
                "scopes"))
        .isEqualTo("4 scopes");
  }

  private static String print(Consumer<PrintWriter> printer) {
    StringWriter out = new StringWriter();
    printer.accept(new PrintWriter(out, true));
    return out.toString();
  }
}
