package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.SigningKeyRepository;
import dev.keygate.domain.application.SigningKey;
import java.util.List;
import java.util.Optional;

/** {@link SigningKeyRepository}: changes on Hibernate, reads in plain SQL. */
final class JpaSigningKeyRepository implements SigningKeyRepository {

  private final Transactions transactions;

  JpaSigningKeyRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(SigningKey key) {
    transactions.call(
        em -> {
          SigningKeyEntity entity = new SigningKeyEntity();
          entity.kid = key.kid();
          entity.publicJwk = key.publicJwk();
          entity.privateJwk = key.privateJwk();
          entity.createdOn = key.createdOn();
          entity.retiredOn = key.retiredOn().orElse(null);
          em.persist(entity);
          transactions.changed(ChangeFeed.Kind.SIGNING_KEY, key.kid());
          return null;
        },
        "signing key " + key.kid() + " exists already");
  }

  @Override
  public List<SigningKey> list() {
    return transactions.read(
        "signing keys",
        connection ->
            Rows.list(
                    connection,
                    SigningKeyEntity.SELECT + " order by created_on, kid",
                    List.of(),
                    SigningKeyEntity::read)
                .stream()
                .map(
                    entity ->
                        new SigningKey(
                            entity.kid,
                            entity.publicJwk,
                            entity.privateJwk,
                            entity.createdOn,
                            Optional.ofNullable(entity.retiredOn)))
                .toList());
  }

  @Override
  public void update(SigningKey key) {
    transactions.call(
        em -> {
          SigningKeyEntity entity = em.find(SigningKeyEntity.class, key.kid());
          if (entity != null) {
            entity.retiredOn = key.retiredOn().orElse(null);
            transactions.changed(ChangeFeed.Kind.SIGNING_KEY, key.kid());
          }
          return null;
        });
  }
}
