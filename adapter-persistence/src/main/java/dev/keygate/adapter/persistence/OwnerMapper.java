package dev.keygate.adapter.persistence;

import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import java.util.Optional;

/** Organizations, users and owner columns, to and from their entities. */
final class OwnerMapper {

  private OwnerMapper() {}

  static OrganizationEntity toEntity(Organization organization) {
    OrganizationEntity entity = new OrganizationEntity();
    entity.code = organization.code().value();
    entity.name = organization.name();
    entity.createdOn = organization.createdOn();
    return entity;
  }

  static Organization toDomain(OrganizationEntity entity) {
    return new Organization(new OrgCode(entity.code), entity.name, entity.createdOn);
  }

  static UserEntity toEntity(UserAccount user) {
    UserEntity entity = new UserEntity();
    entity.id = user.id().value();
    entity.name = user.name();
    entity.email = user.email().orElse(null);
    entity.createdOn = user.createdOn();
    return entity;
  }

  static UserAccount toDomain(UserEntity entity) {
    return new UserAccount(
        new UserId(entity.id), entity.name, Optional.ofNullable(entity.email), entity.createdOn);
  }

  /**
   * The owner stored as {@code owner_type} and {@code owner_id}: the {@code OwnerType}'s name and
   * the owner's id. The environment is stored as {@code ENVIRONMENT} and {@code environment}; the
   * owner columns ({@code varchar(16)} and {@code varchar(64)}, V1 and V3) carry no check on the
   * type, so environment keys and their audit events needed no migration.
   */
  static Owner owner(String type, String id) {
    return Owner.of(OwnerType.valueOf(type), id);
  }
}
