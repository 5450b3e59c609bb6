package dev.keygate.spring;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.adapter.servlet.KeygateFilter;
import dev.keygate.bootstrap.Keygate;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keygate in a Spring Boot application: a {@link Keygate} bean built from the {@code keygate.*}
 * properties and closed with the context; in a servlet web application, {@link KeygateFilter} on
 * the {@code keygate.protect} paths and a {@link dev.keygate.adapter.servlet.VerifiedKey}
 * controller argument.
 */
@AutoConfiguration
@ConditionalOnClass(Keygate.class)
@EnableConfigurationProperties(KeygateProperties.class)
public class KeygateAutoConfiguration {

  /** Keygate, unless the application builds its own. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Keygate keygate(KeygateProperties properties) {
    Keygate.Builder builder = Keygate.builder();
    KeygateProperties.Db db = properties.getDb();
    if (db.getUrl() != null) {
      builder.jdbcUrl(db.getUrl());
      if (db.getUser() != null || db.getPassword() != null) {
        builder.credentials(db.getUser(), db.getPassword());
      }
    } else if (db.getUser() != null || db.getPassword() != null) {
      throw new IllegalStateException(
          "keygate.db.user and keygate.db.password need keygate.db.url: the embedded database"
              + " keeps its own credentials");
    }
    if (properties.getDataDir() != null) {
      builder.dataDirectory(properties.getDataDir());
    }
    if (properties.getKeyPrefix() != null) {
      builder.keyPrefix(properties.getKeyPrefix());
    }
    KeygateProperties.Argon2 argon2 = properties.getArgon2();
    builder.argon2(
        new Argon2Parameters(
            argon2.getMemoryKib(), argon2.getIterations(), argon2.getParallelism()));
    return builder.build();
  }

  /** The filter and the controller argument, in a servlet web application. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass({FilterRegistrationBean.class, KeygateFilter.class})
  static class ServletConfiguration {

    /**
     * {@link KeygateFilter} on the {@code keygate.protect} patterns, requiring {@code
     * keygate.required-scopes}, verifying as the operator; registered disabled when no pattern is
     * given, as a filter without patterns would guard every path.
     */
    @Bean
    @ConditionalOnMissingBean(name = "keygateFilter")
    FilterRegistrationBean<KeygateFilter> keygateFilter(
        Keygate keygate, KeygateProperties properties) {
      KeygateFilter filter =
          KeygateFilter.of(keygate.useCases().verifyApiKey(), keygate.operator())
              .requiring(properties.getRequiredScopes().toArray(String[]::new));
      FilterRegistrationBean<KeygateFilter> registration = new FilterRegistrationBean<>(filter);
      List<String> patterns = properties.getProtect();
      patterns.forEach(KeygateAutoConfiguration::checkServletPattern);
      registration.setUrlPatterns(patterns);
      registration.setEnabled(!patterns.isEmpty());
      registration.setName("keygateFilter");
      return registration;
    }
  }

  /**
   * Refuses a pattern the servlet container would read as an exact path that no request has, such
   * as Spring's {@code /api/**}: the filter would guard nothing, and the API would be open.
   */
  static void checkServletPattern(String pattern) {
    boolean exact = pattern.startsWith("/") && !pattern.contains("*");
    boolean prefix =
        pattern.endsWith("/*")
            && pattern.startsWith("/")
            && pattern.indexOf('*') == pattern.length() - 1;
    boolean extension =
        pattern.startsWith("*.") && pattern.indexOf('*', 1) < 0 && !pattern.contains("/");
    if (!exact && !prefix && !extension) {
      throw new IllegalStateException(
          "keygate.protect has '"
              + pattern
              + "', which is no servlet URL pattern: give /exact/path, /prefix/* or *.extension");
    }
  }

  /** {@code VerifiedKey} as a controller method's argument, in Spring MVC. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass({WebMvcConfigurer.class, KeygateFilter.class})
  static class MvcConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
      resolvers.add(new VerifiedKeyArgumentResolver());
    }
  }
}
