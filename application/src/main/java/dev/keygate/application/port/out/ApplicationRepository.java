package dev.keygate.application.port.out;

import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.owner.OrgCode;
import java.util.List;
import java.util.Optional;

/** Stores M2M applications, with the APIs they are authorized for and the scopes granted them. */
public interface ApplicationRepository {

  /** Stores a new application. */
  void add(Application application);

  /** One read by primary key: what every access token's check costs. */
  Optional<Application> findById(ApplicationId id);

  /**
   * Applications in id order: every one when {@code org} is empty, else those of that organization.
   */
  List<Application> list(Optional<OrgCode> org);

  /** Replaces a stored application: its name, secret, authorized APIs and scopes. */
  void update(Application application);

  /** Removes the application; whether there was one. */
  boolean delete(ApplicationId id);
}
