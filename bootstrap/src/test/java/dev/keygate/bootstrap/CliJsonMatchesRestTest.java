package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CLI's JSON documents copy the REST API's records (the adapters may not share them): the same
 * components in the same order, so {@code --output json} writes the same fields as the REST API.
 */
class CliJsonMatchesRestTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "KeyJson$IssuedKey, ApiKeyResponses$IssuedKey",
    "KeyJson$Created, ApiKeyResponses$Created",
    "KeyJson$Rotated, ApiKeyResponses$Rotated",
    "KeyJson$Summary, ApiKeyResponses$Summary",
    "KeyJson$Details, ApiKeyResponses$Details",
    "KeyJson$Listed, ApiKeyResponses$Listed",
    "KeyJson$One, ApiKeyResponses$One",
    "KeyJson$Verified, ApiKeyResponses$Verified",
    "ApiJson$Ref, ApiResponses$Ref",
    "ApiJson$ApiCreated, ApiResponses$ApiCreated",
    "ApiJson$ScopeView, ApiResponses$ScopeView",
    "ApiJson$ApiView, ApiResponses$ApiView",
    "ApiJson$ApisListed, ApiResponses$ApisListed",
    "ApiJson$OneApi, ApiResponses$OneApi",
    "ApiJson$ScopeCreated, ApiResponses$ScopeCreated",
    "ApiJson$ScopesListed, ApiResponses$ScopesListed",
    "OwnerJson$OrganizationRef, OwnerResponses$OrganizationRef",
    "OwnerJson$OrganizationCreated, OwnerResponses$OrganizationCreated",
    "OwnerJson$OrganizationView, OwnerResponses$OrganizationView",
    "OwnerJson$OrganizationsListed, OwnerResponses$OrganizationsListed",
    "OwnerJson$UserCreated, OwnerResponses$UserCreated",
    "OwnerJson$UserView, OwnerResponses$UserView",
    "OwnerJson$UsersListed, OwnerResponses$UsersListed",
    "GrantJson$GrantView, GrantResponses$GrantView",
    "GrantJson$GrantsListed, GrantResponses$GrantsListed",
    "GrantJson$GrantSet, GrantResponses$GrantSet",
    "AuditJson$Event, AuditResponses$Event",
    "AuditJson$Listed, AuditResponses$Listed",
    "SuccessJson, SuccessResponse"
  })
  void cliDocument_hasTheComponentsOfTheRestRecord(String cli, String rest) throws Exception {
    assertThat(components("dev.keygate.adapter.cli." + cli))
        .isNotEmpty()
        .containsExactlyElementsOf(components("dev.keygate.adapter.rest." + rest));
  }

  @Test
  void anApiInTheCliList_isTheRestSummaryWithoutItsOptionalScopes() throws Exception {
    List<String> rest = components("dev.keygate.adapter.rest.ApiResponses$ApiSummary");

    assertThat(rest.get(rest.size() - 1)).startsWith("scopes: ");
    assertThat(components("dev.keygate.adapter.cli.ApiJson$ApiSummary"))
        .containsExactlyElementsOf(rest.subList(0, rest.size() - 1));
  }

  /** Name and type of each component, in order. */
  private static List<String> components(String record) throws ClassNotFoundException {
    RecordComponent[] components = Class.forName(record).getRecordComponents();
    return Arrays.stream(components)
        .map(component -> component.getName() + ": " + component.getGenericType().getTypeName())
        .map(CliJsonMatchesRestTest::withoutPackages)
        .toList();
  }

  /** Types of the two adapters' own records compare by simple name. */
  private static String withoutPackages(String component) {
    return component.replaceAll("dev\\.keygate\\.adapter\\.(cli|rest)\\.\\w+\\$", "");
  }
}
